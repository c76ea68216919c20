package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `maml run-batch` (bin/maml-run): a folder of good and bad documents, one JSON line each, worst exit code. */
class RunBatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOfGoodAndBadDocumentsGivesOneLineEachAndTheWorstExitCode() throws Exception {
        RunFixtures.copyDemo(dir.resolve("demo"));
        RunFixtures.write(dir, "quantum.maml.md", RunFixtures.document("quantum_workflow", ""));
        RunFixtures.write(dir, "greedy.maml.md", RunFixtures.document("quantum_workflow",
                "## Output_Schema\n{\"type\": \"object\", \"required\": [\"treasure\"]}\n"));
        Files.copy(TestData.example(), dir.resolve("seed.maml.md"));
        CliRun run = CliRun.of("run-batch", dir.toString(), "--jobs", "3");
        assertEquals(2, run.exitCode(), "worst of 0, 0, 1 and 2: " + run.out() + run.err());
        Map<String, JsonNode> lines = new HashMap<>();
        List<String> out = run.out().lines().toList();
        assertEquals("{\"summary\":{\"documents\":4,\"ok\":2,\"failed\":2,\"refused\":0,\"skipped\":0,\"exit_code\":2,"
                + "\"shard\":null}}", out.get(out.size() - 1), "the last line sums the batch up");
        out.subList(0, out.size() - 1).forEach(line -> {
            JsonNode json = Json.MAPPER.readTree(line);
            lines.put(Path.of(json.get("path").asString()).getFileName().toString(), json);
        });
        assertEquals(4, lines.size(), run.out());
        assertEquals(0, lines.get("drone_communication.maml.md").get("exit_code").asInt());
        assertTrue(Files.isRegularFile(Path.of(lines.get("drone_communication.maml.md").get("receipt").asString())));
        assertEquals("ok", lines.get("quantum.maml.md").get("status").asString());
        assertEquals(1, lines.get("greedy.maml.md").get("exit_code").asInt());
        assertEquals("output_schema", lines.get("greedy.maml.md").get("failed_step").asString());
        JsonNode seed = lines.get("seed.maml.md");
        assertEquals(2, seed.get("exit_code").asInt());
        assertEquals("lint", seed.get("failed_step").asString());
        assertTrue(seed.get("message").asString().contains(":3:5: MAML012"), seed.toString());
    }

    @Test
    void refusalsMakeTheBatchExitThreeAndMissingPathsAreReported() throws Exception {
        RunFixtures.write(dir, "quantum.maml.md", RunFixtures.document("quantum_workflow", ""));
        CliRun refused = CliRun.of("run-batch", dir.toString(), "--as", "agent://stranger");
        assertEquals(3, refused.exitCode(), refused.out());
        CliRun missing = CliRun.of("run-batch", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(2, ShardedBatchTest.summary(missing).get("exit_code").asInt());
        assertEquals(0, ShardedBatchTest.summary(missing).get("documents").asInt());
    }
}
