package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.RuleId;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each body rule has docs/rules/ID.md whose header agrees with the catalogue ({@link RuleId}). */
class BodyRuleDocsTest {

    @TestFactory
    Stream<DynamicTest> everyBodyRuleIsDocumentedConsistently() {
        List<RuleId> ids = BodyRules.all().stream().flatMap(r -> r.ids().stream()).toList();
        assertEquals(14, ids.size());
        return ids.stream().map(id -> DynamicTest.dynamicTest(id.id(), () -> check(id)));
    }

    private static void check(RuleId id) throws IOException {
        Path page = TestData.repositoryRoot().resolve("docs/rules/" + id.id() + ".md");
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        assertEquals("# " + id.id() + ": " + id.alias(), lines.get(0));
        assertEquals("", lines.get(1));
        String severity = lines.get(2);
        assertTrue(severity.equals("- Severity: " + id.defaultSeverity().label())
                || severity.startsWith("- Severity: " + id.defaultSeverity().label() + " ("), severity);
        assertEquals("- Tags: " + String.join(", ", id.tags()), lines.get(3));
        assertEquals("- Fixable: " + (id.fixable() ? "yes" : "no"), lines.get(4));
        for (String heading : List.of("## Why", "## Bad", "## Good", "## Fix", "## Options")) {
            assertTrue(lines.contains(heading), page + " lacks " + heading);
        }
    }
}
