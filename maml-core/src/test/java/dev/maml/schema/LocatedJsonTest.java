package dev.maml.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.maml.model.Range;
import org.junit.jupiter.api.Test;

class LocatedJsonTest {

    private static String at(String json, Range r) {
        return json.substring(r.start(), r.end());
    }

    @Test
    void scalarsAreLocatedByTokenContainersByPropertyName() {
        String json = "{\"a/b\": {\"x~y\": [10, \"s\\\"t\", true]}, \"n\": null}";
        LocatedJson j = LocatedJson.read(json);
        assertNull(j.error());
        assertEquals("{", at(json, j.locate("").orElseThrow()));
        assertEquals("\"a/b\"", at(json, j.locate("/a~1b").orElseThrow()));
        assertEquals("\"x~y\"", at(json, j.locate("/a~1b/x~0y").orElseThrow()));
        assertEquals("10", at(json, j.locate("/a~1b/x~0y/0").orElseThrow()));
        assertEquals("\"s\\\"t\"", at(json, j.locate("/a~1b/x~0y/1").orElseThrow()));
        assertEquals("true", at(json, j.locate("/a~1b/x~0y/2").orElseThrow()));
        assertEquals("null", at(json, j.locate("/n").orElseThrow()));
        assertEquals(3, j.depth());
    }

    @Test
    void aPointerTheTextLacksFallsBackToItsNearestAncestor() {
        String json = "{\"properties\": {\"a\": {}}}";
        LocatedJson j = LocatedJson.read(json);
        assertEquals("\"a\"", at(json, j.locate("/properties/a/required/0").orElseThrow()));
    }

    @Test
    void aSecondValueIsReportedWhereItStarts() {
        LocatedJson j = LocatedJson.read("{}\n  [1]");
        assertEquals(5, j.trailing());
        assertEquals(-1, LocatedJson.read("{}  \n").trailing());
        LocatedJson prose = LocatedJson.read("{\"a\": 1}\nSome words.");
        assertEquals(9, prose.trailing());
        assertEquals(1, prose.root().get("a").asInt());
    }

    @Test
    void duplicateKeysAreASyntaxError() {
        String json = "{\"type\": \"object\", \"type\": \"array\"}";
        LocatedJson j = LocatedJson.read(json);
        assertNull(j.root());
        assertEquals("Duplicate Object property \"type\"", j.error().message());
    }

    @Test
    void emptyTextHasNoValue() {
        LocatedJson j = LocatedJson.read("  ");
        assertEquals("no JSON value", j.error().message());
        assertEquals(Range.empty(2), j.error().range());
    }
}
