package dev.maml.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import dev.maml.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlJsonTest {

    private static final String TEXT = """
            ---
            a: 1
            b: [x, "y"]
            c: {d/e: true, f: ~}
            g: 0x1f
            h: 2.5
            i: 2026-01-01T00:00:00Z
            a: 2
            ---
            """;

    private static MamlDocument document() {
        return DocumentParser.parse(TEXT.getBytes(StandardCharsets.UTF_8));
    }

    private static YamlNode root(MamlDocument doc) {
        return doc.frontMatter().root();
    }

    @Test
    void convertsByCoreSchemaTypesAndKeepsTheFirstOfDuplicateKeys() {
        assertEquals("{\"a\":1,\"b\":[\"x\",\"y\"],\"c\":{\"d/e\":true,\"f\":null},\"g\":31,\"h\":2.5,"
                + "\"i\":\"2026-01-01T00:00:00Z\"}", YamlJson.toJson(root(document())).toString());
    }

    @Test
    void pointerLeadsToTheExactTextOfTheNodeAndItsKey() {
        MamlDocument doc = document();
        YamlJson.Located item = YamlJson.locate(root(doc), "/b/1").orElseThrow();
        assertEquals("\"y\"", doc.text(item.node().range()));
        assertNull(item.key());
        YamlJson.Located escaped = YamlJson.locate(root(doc), "/c/d~1e").orElseThrow();
        assertEquals("true", doc.text(escaped.node().range()));
        assertEquals("d/e", doc.text(escaped.key().range()));
        Range first = YamlJson.locate(root(doc), "/a").orElseThrow().node().range();
        assertEquals(2, doc.lines().displayLine(first.start()));
        assertEquals(root(doc), YamlJson.locate(root(doc), "").orElseThrow().node());
    }

    @Test
    void pointersThatLeadNowhereAreEmpty() {
        YamlNode root = root(document());
        assertTrue(YamlJson.locate(root, "/zz").isEmpty());
        assertTrue(YamlJson.locate(root, "/b/2").isEmpty());
        assertTrue(YamlJson.locate(root, "/b/01").isEmpty());
        assertTrue(YamlJson.locate(root, "/a/0").isEmpty());
        assertTrue(YamlJson.locate(root, "a").isEmpty());
    }
}
