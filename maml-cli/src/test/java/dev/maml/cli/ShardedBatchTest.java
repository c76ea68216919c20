package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml-run --shard I/N` over the repository's corpus and examples: N shards are disjoint, together
 * every document, the same on every run; `merge` of their outputs says what one unsharded run says.
 */
class ShardedBatchTest {

    @TempDir
    Path dir;

    /** The corpus and the examples, run with receipts (and sealed payloads) in the test's directory. */
    private String[] batch(String... more) {
        List<String> args = new ArrayList<>(List.of("run-batch", TestData.corpus().toString(),
                TestData.repositoryRoot().resolve("examples").toString(), "--receipt-dir", dir.resolve("receipts").toString(),
                "--jobs", "2", "--seed", "7"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void shardsAreDisjointCoverEveryDocumentAndStayTheSameAndMergeToTheUnshardedSummary() throws Exception {
        CliRun whole = CliRun.of(batch());
        Set<String> all = paths(whole);
        assertTrue(all.size() > 200, "the corpus has hundreds of documents: " + all.size());
        JsonNode unsharded = summary(whole);
        assertEquals(all.size(), unsharded.get("documents").asInt());
        assertEquals(whole.exitCode(), unsharded.get("exit_code").asInt());
        assertTrue(unsharded.get("shard").isNull());
        for (int n : new int[] {1, 2, 5}) {
            List<Set<String>> first = shards(n, "first");
            List<Set<String>> second = shards(n, "second");
            assertEquals(first, second, "a second run of " + n + " shards picks the same documents");
            Set<String> union = new TreeSet<>();
            first.forEach(shard -> {
                int before = union.size();
                union.addAll(shard);
                assertEquals(before + shard.size(), union.size(), "shards of " + n + " overlap");
            });
            assertEquals(all, union, "the " + n + " shards together are every document");
            List<String> outputs = new ArrayList<>(List.of("run-batch", "merge"));
            for (int i = 1; i <= n; i++) {
                outputs.add(output(n, i, "first").toString());
            }
            CliRun merged = CliRun.of(outputs.toArray(String[]::new));
            assertEquals(whole.exitCode(), merged.exitCode(), merged.err());
            ObjectNode mergedSummary = (ObjectNode) summary(merged);
            assertEquals(n, mergedSummary.remove("outputs").asInt());
            assertEquals(unsharded, mergedSummary, "merge of " + n + " shards");
        }
    }

    /** Runs the n shards, keeping each output in a file; the documents of each. */
    private List<Set<String>> shards(int n, String round) throws Exception {
        List<Set<String>> shards = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            CliRun run = CliRun.of(batch("--shard", i + "/" + n));
            assertEquals(i + "/" + n, summary(run).get("shard").asString());
            Files.writeString(output(n, i, round), run.out());
            shards.add(paths(run));
        }
        return shards;
    }

    private Path output(int n, int i, String round) {
        return dir.resolve(round + "-" + i + "-of-" + n + ".jsonl");
    }

    @Test
    void autoTakesTheShardFromJobCompletionIndexInAChildProcess() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (int i = 0; i < 6; i++) {
            RunFixtures.write(docs, "doc" + i + ".maml.md", RunFixtures.document("quantum_workflow", "<!-- " + i + " -->\n"));
        }
        CliRun second = CliRun.of("run-batch", docs.toString(), "--shard", "2/3", "--seed", "1",
                "--receipt-dir", dir.resolve("r1").toString());
        ProcessBuilder child = new ProcessBuilder(ServerProcess.maml(List.of(), "run-batch", docs.toString(), "--shard", "auto/3",
                "--seed", "1", "--receipt-dir", dir.resolve("r2").toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        child.environment().put("JOB_COMPLETION_INDEX", "1");
        Process process = child.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        CliRun auto = new CliRun(process.exitValue(), out, "");
        assertEquals(second.exitCode(), auto.exitCode(), out);
        assertEquals(paths(second), paths(auto));
        assertEquals("2/3", summary(auto).get("shard").asString());

        child.environment().put("JOB_COMPLETION_INDEX", "3");
        process = child.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), "index 3 of auto/3 (0-based) is out of range");
        assumeTrue(System.getenv("JOB_COMPLETION_INDEX") == null);
        CliRun unset = CliRun.of("run-batch", docs.toString(), "--shard", "auto/3");
        assertEquals(2, unset.exitCode());
        assertTrue(unset.err().contains("--shard auto/3 needs JOB_COMPLETION_INDEX"), unset.err());
        assertEquals("", unset.out());
    }

    @Test
    void badShardValuesAreUsageErrors() {
        for (String bad : new String[] {"0/3", "4/3", "1/0", "x/3", "3"}) {
            CliRun run = CliRun.of("run-batch", dir.toString(), "--shard", bad);
            assertEquals(2, run.exitCode(), bad);
            assertTrue(run.err().contains("Invalid value for option '--shard': "), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void lintShardsAreDisjointAndTogetherLintEveryFile() {
        String corpus = TestData.corpus().toString();
        Set<String> all = lintedFiles(CliRun.of("lint", corpus, "--format", "json"));
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            Set<String> shard = lintedFiles(CliRun.of("lint", corpus, "--format", "json", "--shard", i + "/3"));
            total += shard.size();
            union.addAll(shard);
        }
        assertTrue(all.size() > 200, all.toString());
        assertEquals(all, union);
        assertEquals(all.size(), total, "no file in two shards");
        CliRun bad = CliRun.of("lint", corpus, "--shard", "2/1");
        assertEquals(2, bad.exitCode());
    }

    private static Set<String> lintedFiles(CliRun run) {
        Set<String> files = new HashSet<>();
        Json.MAPPER.readTree(run.out()).get("files").forEach(f -> files.add(f.get("path").asString()));
        return files;
    }

    /** The documents of a batch's output (every line but the summary), each once. */
    static Set<String> paths(CliRun run) {
        Set<String> paths = new TreeSet<>();
        List<String> lines = run.out().lines().toList();
        lines.subList(0, lines.size() - 1).forEach(line -> {
            String path = Json.MAPPER.readTree(line).get("path").asString();
            assertTrue(paths.add(path), "twice: " + path);
        });
        return paths;
    }

    /** The summary object of a batch's last line. */
    static JsonNode summary(CliRun run) {
        List<String> lines = run.out().lines().toList();
        assertTrue(!lines.isEmpty(), run.err());
        JsonNode last = Json.MAPPER.readTree(lines.get(lines.size() - 1));
        assertTrue(last.has("summary"), last.toString());
        return last.get("summary");
    }
}
