package dev.maml.qkd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.model.SchemaBlock;
import dev.maml.parse.DocumentParser;
import dev.maml.report.Json;
import dev.maml.run.Parameters;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class Bb84ParametersTest {

    @Test
    void theDroneExampleRunsWithItsOwnDefaults() throws IOException {
        MamlDocument doc = DocumentParser.parse(Files.readString(TestData.example()));
        SchemaBlock inputSchema = doc.schemas().stream().filter(s -> s.section().equals("Input_Schema")).findFirst()
                .orElseThrow();
        JsonNode merged = Parameters.merge(Json.MAPPER.readTree(inputSchema.json()), doc, null, Map.of());
        Bb84Parameters params = Bb84Parameters.fromRunParameters(merged);
        assertEquals(128, params.rawQubits()); // Input_Schema default
        assertEquals(16, params.keyLength());  // Context
        for (long seed = 0; seed < 50; seed++) {
            Bb84Result.Key key = assertInstanceOf(Bb84Result.Key.class, Bb84.run(params, new SplittableRandom(seed)));
            assertEquals(key.aliceKey(), key.bobKey());
        }
    }

    @Test
    void missingKeysTakeTheSpecDefaults() {
        assertEquals(Bb84Parameters.defaults(), Bb84Parameters.fromRunParameters(Json.object()));
        JsonNode given = Json.MAPPER.readTree(
                "{\"qkd_bits\": 512, \"qkd_key_length\": 32, \"eavesdropper\": 0.5, \"channel_noise\": 0.01,"
                        + " \"qber_threshold\": 0.08, \"payload\": \"x.bin\"}");
        assertEquals(new Bb84Parameters(512, 32, 0.5, 0.01, 0.08), Bb84Parameters.fromRunParameters(given));
    }

    @Test
    void wrongTypesAreNamedInOneLine() {
        assertEquals("qkd_bits must be an integer, got \"many\"", message("{\"qkd_bits\": \"many\"}"));
        assertEquals("qkd_bits must be an integer, got 12.5", message("{\"qkd_bits\": 12.5}"));
        assertEquals("eavesdropper must be a number, got true", message("{\"eavesdropper\": true}"));
        assertTrue(message("{\"qkd_key_length\": 0}").startsWith("qkd_key_length must be between 1 and"));
        assertTrue(message("{\"qber_threshold\": 0.7}").startsWith("qber_threshold must be above 0"));
    }

    private static String message(String json) {
        return assertThrows(IllegalArgumentException.class,
                () -> Bb84Parameters.fromRunParameters(Json.MAPPER.readTree(json))).getMessage();
    }
}
