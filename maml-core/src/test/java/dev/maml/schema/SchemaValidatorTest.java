package dev.maml.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void reportsEachViolationWithItsJsonPointerKeywordAndMessage() {
        SchemaValidator v = SchemaValidator.compile(json("""
                {"type":"object","required":["a"],
                 "properties":{"a":{"type":"string"},"b":{"type":"array","items":{"type":"integer"}},"c/d":{"const":1}}}
                """));
        List<SchemaViolation> found = v.validate(json("{\"b\":[1,\"x\"],\"c/d\":2}"));
        assertEquals(List.of("/:required:a", "/b/1:type:null", "/c~1d:const:null"),
                found.stream().map(f -> f.displayPointer() + ":" + f.keyword() + ":" + f.property()).sorted().toList());
        SchemaViolation type = found.stream().filter(f -> f.keyword().equals("type")).findFirst().orElseThrow();
        assertEquals("string found, integer expected", type.message());
    }

    @Test
    void aValidInstanceHasNoViolations() {
        SchemaValidator v = SchemaValidator.compile(json("{\"type\":\"object\"}"));
        assertEquals(List.of(), v.validate(json("{\"x\":1}")));
    }

    @Test
    void metaSchemaTellsValidSchemasFromInvalidOnes() {
        SchemaValidator meta = SchemaValidator.metaSchema(null).orElseThrow();
        assertEquals(List.of(), meta.validate(json("{\"type\":\"object\",\"properties\":{\"a\":{\"minLength\":1}}}")));
        List<SchemaViolation> bad = meta.validate(json("{\"type\":\"objekt\",\"properties\":{\"a\":{\"minLength\":-1}}}"));
        assertTrue(bad.stream().anyMatch(b -> b.pointer().equals("/type")), bad.toString());
        assertTrue(bad.stream().anyMatch(b -> b.pointer().equals("/properties/a/minLength")), bad.toString());
    }

    @Test
    void metaSchemaFollowsTheNamedDialectAndRefusesUnknownOnes() {
        SchemaValidator draft7 = SchemaValidator.metaSchema("http://json-schema.org/draft-07/schema#").orElseThrow();
        // exclusiveMinimum is a number from draft 6 on, a boolean in draft 4.
        assertEquals(List.of(), draft7.validate(json("{\"exclusiveMinimum\":3}")));
        SchemaValidator draft4 = SchemaValidator.metaSchema("http://json-schema.org/draft-04/schema#").orElseThrow();
        List<SchemaViolation> draft4Findings = draft4.validate(json("{\"exclusiveMinimum\":3}"));
        assertTrue(draft4Findings.stream().anyMatch(f -> f.pointer().equals("/exclusiveMinimum")), draft4Findings.toString());
        assertTrue(SchemaValidator.metaSchema("http://json-schema.org/draft-07/schema").isPresent());
        assertTrue(SchemaValidator.metaSchema("https://json-schema.org/draft/2020-12/schema#").isPresent());
        assertTrue(SchemaValidator.metaSchema("https://example.com/my-dialect").isEmpty());
    }

    @Test
    void unusableSchemaIsAnIllegalArgumentWithOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SchemaValidator.compile(json("{\"$schema\":\"https://example.com/unknown\",\"type\":\"object\"}")));
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().isBlank(), e.getMessage());
    }

    @Test
    void aDanglingRefIsAnIllegalArgumentWhetherFoundEarlyOrLate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaValidator
                .compile(json("{\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}")).validate(json("{\"a\":1}")));
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().isBlank(), e.getMessage());
    }

    @Test
    void remoteRefsAreNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/remote.json";
            try {
                SchemaValidator.compile(json("{\"$ref\":\"" + url + "\"}")).validate(json("1"));
            } catch (RuntimeException expected) {
                // Refusing to resolve the reference is fine; fetching it is not.
            }
            assertEquals(0, requests.get());
        } finally {
            server.stop(0);
        }
    }
}
