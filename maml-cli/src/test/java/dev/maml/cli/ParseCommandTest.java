package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ParseCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonShowsTheExampleStructure() {
        CliRun run = CliRun.of("parse", TestData.example().toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode tree = Json.MAPPER.readTree(run.out());
        assertEquals(List.of("Intent", "Context", "Code_Blocks", "Input_Schema", "Output_Schema", "History"),
                StreamSupport.stream(tree.get("sections").spliterator(), false).map(s -> s.get("name").asString()).toList());
        assertEquals(2, tree.get("codeBlocks").size());
        assertEquals("python", tree.get("codeBlocks").get(0).get("language").asString());
        assertEquals(2, tree.get("history").size());
        assertEquals(3, tree.get("frontMatter").get("keys").get(1).get("line").asInt());
    }

    @Test
    void brokenInputsParseWithExitZeroAndNoStackTrace() throws IOException {
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        Files.write(dir.resolve("binary.maml.md"), binary);
        Files.writeString(dir.resolve("empty.maml.md"), "");
        Files.writeString(dir.resolve("dashes.maml.md"), "---");
        Files.writeString(dir.resolve("big.maml.md"), "---\nid: x\n---\n## Intent\n" + "text line\n".repeat(1_000_000));
        for (String name : List.of("binary.maml.md", "empty.maml.md", "dashes.maml.md", "big.maml.md")) {
            CliRun run = CliRun.of("parse", dir.resolve(name).toString(), "--json");
            assertEquals(0, run.exitCode(), name + ": " + run.err());
            assertFalse(run.err().contains("Exception"), run.err());
            Json.MAPPER.readTree(run.out());
        }
    }

    @Test
    void ioErrorsAreOneLineAndExitTwo() {
        CliRun missing = CliRun.of("parse", dir.resolve("nope.maml.md").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("maml: " + dir.resolve("nope.maml.md") + ": no such file", missing.err().strip());
        CliRun directory = CliRun.of("parse", dir.toString());
        assertEquals(2, directory.exitCode());
        assertTrue(directory.err().strip().endsWith("is a directory"), directory.err());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun run = CliRun.of("parse");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required parameter"), run.err());
    }
}
