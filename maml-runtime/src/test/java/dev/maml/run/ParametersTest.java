package dev.maml.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.report.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ParametersTest {

    private final MamlDocument doc = DocumentParser.parse(
            "---\n---\n## Context\nqkd_key_length: 16\ndatabase: sqlite:///arachnid.db\nversion: 1.0.0\nqkd_bits: 64\n");
    private final JsonNode schema = Json.MAPPER.readTree(
            "{\"properties\": {\"qkd_bits\": {\"type\": \"integer\", \"default\": 128}, \"eavesdropper\": {\"default\": 0}}}");

    @Test
    void laterSourcesWin() {
        ObjectNode input = (ObjectNode) Json.MAPPER.readTree("{\"eavesdropper\": 0.5, \"qkd_bits\": 256}");
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("qkd_bits", "512");
        ObjectNode p = Parameters.merge(schema, doc, input, sets);
        assertEquals(512, p.get("qkd_bits").asInt());
        assertEquals(0.5, p.get("eavesdropper").asDouble());
        assertEquals(16, p.get("qkd_key_length").asInt());
    }

    @Test
    void contextBeatsSchemaDefaultsAndTextStaysText() {
        ObjectNode p = Parameters.merge(schema, doc, null, Map.of());
        assertEquals(64, p.get("qkd_bits").asInt());
        assertEquals(0, p.get("eavesdropper").asInt());
        assertTrue(p.get("database").isString());
        assertEquals("sqlite:///arachnid.db", p.get("database").asString());
        assertEquals("1.0.0", p.get("version").asString());
    }

    @Test
    void setNeedsAKey() {
        assertEquals(Map.entry("a", "b=c"), Parameters.parseSet("a=b=c"));
        assertThrows(IllegalArgumentException.class, () -> Parameters.parseSet("=x"));
        assertThrows(IllegalArgumentException.class, () -> Parameters.parseSet("novalue"));
    }
}
