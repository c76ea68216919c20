package dev.maml.cli;

import static dev.maml.cli.ShardedBatchTest.paths;
import static dev.maml.cli.ShardedBatchTest.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `maml-run --files-from`, `--skip-unchanged` / `--force`, and what `merge` refuses. */
class BatchSelectionTest {

    @TempDir
    Path dir;

    @Test
    void filesFromListsPathsByLineOrByNulAndRefusesOneThatDoesNotExist() throws Exception {
        Path a = RunFixtures.write(dir, "a.maml.md", RunFixtures.document("quantum_workflow", "<!-- a -->\n"));
        Path b = RunFixtures.write(dir, "b b.maml.md", RunFixtures.document("quantum_workflow", "<!-- b -->\n"));
        RunFixtures.write(dir, "c.maml.md", RunFixtures.document("quantum_workflow", "<!-- c -->\n"));
        Path readme = RunFixtures.write(dir, "README.md", "not a document\n");
        Path list = Files.writeString(dir.resolve("changed.txt"), a + "\r\n\n" + b + "\n" + readme + "\n");
        CliRun byLine = CliRun.of("run-batch", "--files-from", list.toString(), "--seed", "1");
        assertEquals(0, byLine.exitCode(), byLine.err());
        assertEquals(Set.of(a.toString(), b.toString()), paths(byLine), "c is not listed, README.md is no document");
        assertEquals(2, summary(byLine).get("ok").asInt());

        byte[] nul = (a + "\0" + b + "\0").getBytes(StandardCharsets.UTF_8);
        CliRun byNul = CliRun.withStdin(nul, "run-batch", "--files-from", "-", "-0", "--seed", "1");
        assertEquals(paths(byLine), paths(byNul), byNul.err());

        CliRun nothing = CliRun.withStdin(new byte[0], "run-batch", "--files-from", "-");
        assertEquals(0, nothing.exitCode(), "no file changed: nothing to run");
        assertEquals(0, summary(nothing).get("documents").asInt());

        Files.writeString(list, a + "\n" + dir.resolve("deleted.maml.md") + "\n");
        CliRun missing = CliRun.of("run-batch", "--files-from", list.toString());
        assertEquals(2, missing.exitCode());
        assertEquals("maml: --files-from " + list + ", line 2: " + dir.resolve("deleted.maml.md") + ": no such file\n",
                missing.err());
        assertEquals("", missing.out(), "nothing runs when the list is wrong");
        CliRun noList = CliRun.of("run-batch", "--files-from", dir.resolve("nope.txt").toString());
        assertEquals(2, noList.exitCode());
        assertTrue(noList.err().contains("nope.txt: no such file"), noList.err());
        CliRun neither = CliRun.of("run-batch");
        assertEquals(2, neither.exitCode());
        assertEquals("maml: give PATHs to run, or --files-from\n", neither.err());
    }

    @Test
    void skipUnchangedSkipsADocumentWhoseNewestReceiptNamesItsBytesAndRunsItAfterAnEdit() throws Exception {
        Path doc = RunFixtures.write(dir, "q.maml.md", RunFixtures.document("quantum_workflow", ""));
        String[] skipping = {"run-batch", dir.toString(), "--skip-unchanged", "--seed", "3"};
        JsonNode first = onlyLine(CliRun.of(skipping));
        assertEquals("ok", first.get("status").asString(), "no receipt yet: it runs");
        JsonNode second = onlyLine(CliRun.of(skipping));
        assertEquals("skipped", second.get("status").asString());
        assertEquals(first.get("receipt").asString(), second.get("receipt").asString());
        CliRun skipped = CliRun.of(skipping);
        assertEquals(0, skipped.exitCode());
        assertEquals(1, summary(skipped).get("skipped").asInt());

        JsonNode forced = onlyLine(CliRun.of("run-batch", dir.toString(), "--skip-unchanged", "--force"));
        assertEquals("ok", forced.get("status").asString(), "--force runs it anyway");
        assertEquals("skipped", onlyLine(CliRun.of(skipping)).get("status").asString(), "the forced run's receipt is the head");

        Files.writeString(doc, Files.readString(doc) + "\nOne more line.\n");
        assertEquals("ok", onlyLine(CliRun.of(skipping)).get("status").asString(), "edited: it runs again");
        assertEquals("skipped", onlyLine(CliRun.of(skipping)).get("status").asString());
    }

    @Test
    void aReceiptThatNoLongerVerifiesDoesNotSkipTheRun() throws Exception {
        RunFixtures.write(dir, "q.maml.md", RunFixtures.document("quantum_workflow", ""));
        Path receipt = Path.of(onlyLine(CliRun.of("run-batch", dir.toString())).get("receipt").asString());
        // The mirrored body no longer matches source_sha3_256 (the document itself is unchanged).
        Files.writeString(receipt, Files.readString(receipt) + "x");
        JsonNode line = onlyLine(CliRun.of("run-batch", dir.toString(), "--skip-unchanged"));
        assertEquals("ok", line.get("status").asString(), line.toString());
    }

    @Test
    void mergeRefusesMissingRepeatedAndUnfinishedShards() throws Exception {
        Path one = Files.writeString(dir.resolve("1.jsonl"), "{\"path\":\"a.maml.md\",\"status\":\"ok\",\"exit_code\":0}\n"
                + "{\"summary\":{\"documents\":1,\"ok\":1,\"failed\":0,\"refused\":0,\"skipped\":0,\"exit_code\":0,\"shard\":\"1/2\"}}\n");
        Path two = Files.writeString(dir.resolve("2.jsonl"), "{\"path\":\"b.maml.md\",\"status\":\"failed\",\"exit_code\":3}\n"
                + "{\"summary\":{\"documents\":1,\"ok\":0,\"failed\":0,\"refused\":1,\"skipped\":0,\"exit_code\":3,\"shard\":\"2/2\"}}\n");
        CliRun merged = CliRun.of("run-batch", "merge", one.toString(), two.toString());
        assertEquals(3, merged.exitCode(), merged.err());
        assertEquals("{\"summary\":{\"documents\":2,\"ok\":1,\"failed\":0,\"refused\":1,\"skipped\":0,\"exit_code\":3,"
                + "\"shard\":null,\"outputs\":2}}\n", merged.out());

        assertMergeError("shard 2/2 is missing (got [1/2])", one);
        Path again = Files.writeString(dir.resolve("1b.jsonl"), Files.readString(one).replace("a.maml.md", "c.maml.md"));
        assertMergeError(again + ": shard 1/2 again (also " + one + ")", one, again);
        assertMergeError(one + ": a.maml.md is in two outputs (were the shards run with different arguments?)", one, one);
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), "{\"path\":\"b.maml.md\",\"status\":\"ok\",\"exit_code\":0}\n");
        assertMergeError(cut + ": no summary line (the run did not finish)", one, cut);
        Path garbage = Files.writeString(dir.resolve("g.jsonl"), "Exception in thread main\n");
        assertMergeError(garbage + ":1: not a JSON object line of maml-run", garbage);
        assertMergeError(dir.resolve("none.jsonl") + ": no such file", dir.resolve("none.jsonl"));
    }

    private static void assertMergeError(String message, Path... outputs) {
        String[] args = new String[outputs.length + 2];
        args[0] = "run-batch";
        args[1] = "merge";
        for (int i = 0; i < outputs.length; i++) {
            args[i + 2] = outputs[i].toString();
        }
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode());
        assertEquals("maml: merge: " + message + "\n", run.err());
        assertEquals("", run.out());
    }

    private static JsonNode onlyLine(CliRun run) {
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out() + run.err());
        return Json.MAPPER.readTree(lines.get(0));
    }
}
