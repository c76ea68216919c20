package dev.maml.server.mcp.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import org.junit.jupiter.api.Test;

/** How a document's schema sections become a tool's inputSchema and outputSchema ({@link ToolSchemas}). */
class WorkflowSchemasTest {

    private static MamlDocument doc(String sections) {
        return DocumentParser.parse("---\nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n\n## Context\nfrom_context: 3\n\n" + sections);
    }

    @Test
    void withoutSectionsBothAreTheEmptyObjectSchema() throws Exception {
        assertEquals("{\"type\":\"object\"}", ToolSchemas.input(doc("")).toString());
        assertEquals("{\"type\":\"object\"}", ToolSchemas.output(doc("")).toString());
    }

    @Test
    void aSchemaWithoutTypeOrWithObjectAmongItsTypesBecomesAnObjectSchema() throws Exception {
        assertEquals("{\"properties\":{},\"type\":\"object\"}",
                ToolSchemas.input(doc("## Input_Schema\n{\"properties\": {}}\n")).toString());
        assertEquals("{\"type\":\"object\"}",
                ToolSchemas.output(doc("## Output_Schema\n{\"type\": [\"object\", \"null\"]}\n")).toString());
        ToolSchemas.NotAnObject e = assertThrows(ToolSchemas.NotAnObject.class,
                () -> ToolSchemas.output(doc("## Output_Schema\n{\"type\": \"string\"}\n")));
        assertTrue(e.getMessage().startsWith("Output_Schema has type \"string\""), e.getMessage());
    }

    @Test
    void requiredKeepsOnlyWhatTheDocumentDoesNotSupply() throws Exception {
        String schema = "## Input_Schema\n{\"type\": \"object\", \"properties\": {\"a\": {\"default\": 1}, \"b\": {}},"
                + " \"required\": [\"a\", \"b\", \"from_context\"]}\n";
        assertEquals("[\"b\"]", ToolSchemas.input(doc(schema)).get("required").toString());
    }

    @Test
    void anOpenOutputSchemaIsLeftAsWrittenAndAClosedOneDeclaresTheReceiptFields() throws Exception {
        assertEquals("{\"type\":\"object\",\"properties\":{\"x\":{}}}",
                ToolSchemas.output(doc("## Output_Schema\n{\"type\": \"object\", \"properties\": {\"x\": {}}}\n")).toString());
        assertEquals("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":"
                        + "{\"receipt\":{\"type\":\"string\"},\"receipt_signed\":{\"type\":\"boolean\"}}}",
                ToolSchemas.output(doc("## Output_Schema\n{\"type\": \"object\", \"additionalProperties\": false}\n"))
                        .toString());
        assertEquals("{\"type\":\"object\",\"additionalProperties\":true}",
                ToolSchemas.output(doc("## Output_Schema\n{\"type\": \"object\", \"additionalProperties\": true}\n")).toString());
    }
}
