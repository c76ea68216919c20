package dev.maml.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaSchemaCheckTest {

    @Test
    void dialectIdsMatchWithOrWithoutAnEmptyFragment() {
        assertEquals(Optional.of(SpecificationVersion.DRAFT_7), MetaSchemaCheck.dialect("http://json-schema.org/draft-07/schema#"));
        assertEquals(Optional.of(SpecificationVersion.DRAFT_7), MetaSchemaCheck.dialect("http://json-schema.org/draft-07/schema"));
        assertEquals(Optional.of(SpecificationVersion.DRAFT_2020_12),
                MetaSchemaCheck.dialect("https://json-schema.org/draft/2020-12/schema#"));
        assertEquals(Optional.empty(), MetaSchemaCheck.dialect("https://json-schema.org/draft-07/schema#"));
        assertEquals(Optional.empty(), MetaSchemaCheck.dialect("https://spec.openapis.org/oas/3.1/dialect/base"));
    }

    @Test
    void labelsAndKnownDialects() {
        assertEquals("draft 2020-12", MetaSchemaCheck.label(SpecificationVersion.DRAFT_2020_12));
        assertEquals("draft 2019-09", MetaSchemaCheck.label(SpecificationVersion.DRAFT_2019_09));
        assertEquals("draft-07", MetaSchemaCheck.label(SpecificationVersion.DRAFT_7));
        assertEquals("draft-04", MetaSchemaCheck.label(SpecificationVersion.DRAFT_4));
        List<String> known = MetaSchemaCheck.knownDialects();
        assertEquals(5, known.size());
        assertEquals("https://json-schema.org/draft/2020-12/schema", known.get(0));
    }

    @Test
    void aValidSchemaHasNoProblemsAndAnInvalidOneIsLocatedByPointer() {
        LocatedJson good = LocatedJson.read("{\"type\": \"object\", \"required\": [\"a\"]}");
        assertEquals(List.of(), MetaSchemaCheck.check(good.root(), SpecificationVersion.DRAFT_2020_12));
        LocatedJson bad = LocatedJson.read("{\"type\": \"object\", \"required\": [1]}");
        List<MetaSchemaCheck.Problem> problems = MetaSchemaCheck.check(bad.root(), SpecificationVersion.DRAFT_2020_12);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("/required/0", problems.get(0).pointer());
        assertTrue(problems.get(0).message().contains("integer found, string expected"), problems.get(0).message());
    }
}
