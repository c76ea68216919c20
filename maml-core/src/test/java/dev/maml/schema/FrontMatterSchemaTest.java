package dev.maml.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FrontMatterSchemaTest {

    @Test
    void publishedCopyIsIdenticalToTheBundledSchema() throws IOException {
        Path published = TestData.repositoryRoot().resolve("docs/schema/maml-front-matter.schema.json");
        Path bundled = TestData.repositoryRoot()
                .resolve("maml-core/src/main/resources" + FrontMatterSchema.RESOURCE);
        assertEquals(-1L, Files.mismatch(published, bundled), "docs/schema copy differs from the bundled schema");
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        assertEquals(List.of(), SchemaValidator.metaSchema(null).orElseThrow().validate(FrontMatterSchema.json()));
    }

    @Test
    void keyListsComeFromTheSchemaInSpecOrder() {
        assertEquals(List.of("maml_version", "id", "type", "origin", "permissions", "created_at"),
                FrontMatterSchema.requiredKeys());
        assertEquals(List.of("maml_version", "id", "type", "origin", "permissions", "created_at", "requires",
                "verification", "quantum_security_flag", "mu_validation_file", "encryption"), FrontMatterSchema.knownKeys());
    }

    @Test
    void everyKeyIsDescribedForHoverAndCompletion() {
        JsonNode properties = FrontMatterSchema.json().get("properties");
        for (String key : FrontMatterSchema.knownKeys()) {
            JsonNode p = properties.get(key);
            assertTrue(p.has("title") && p.has("description") && p.has("examples"), key);
            assertFalse(p.get("description").asString().isBlank(), key);
        }
        assertTrue(properties.get("verification").get("properties").get("method").has("enum"));
    }
}
