package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.shard.ShardArgument;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * examples/ci/github-actions.yml and examples/k8s/maml-run-job.yaml as written: the YAML parses,
 * every `maml-run …` command line in them parses with the real command spec (without running), its
 * paths exist in the repository, and the shards the matrix or the Indexed Job asks for are all the
 * shards of one N, which the merge lists in full.
 */
class ShardExamplesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path ROOT = TestData.repositoryRoot();

    @Test
    void theGitHubWorkflowRunsEveryShardOfTheMatrixAndMergesThemAll() throws Exception {
        JsonNode workflow = YAML.readTree(Files.readString(ROOT.resolve("examples/ci/github-actions.yml")));
        JsonNode matrix = workflow.at("/jobs/shard/strategy/matrix/shard");
        int n = matrix.size();
        assertTrue(n > 1, "a matrix of shards");
        Set<String> shards = new HashSet<>();
        for (JsonNode value : matrix) {
            String step = run(workflow.at("/jobs/shard/steps"), "--shard").replace("${{ matrix.shard }}", value.asString());
            ParseResult parsed = parse(step);
            ShardArgument shard = parsed.matchedOptionValue("--shard", null);
            assertEquals(n, shard.total(), step);
            shards.add(shard.resolve(name -> null).toString());
            assertPathsExist(parsed);
            assertTrue(step.contains("> maml-run-" + value.asString() + ".jsonl"), "the output the upload step names: " + step);
        }
        assertEquals(n, shards.size(), "each matrix entry is another shard: " + shards);
        ParseResult merge = parse(run(workflow.at("/jobs/merge/steps"), " merge "));
        assertEquals("merge", merge.subcommand().commandSpec().name());
        List<Path> outputs = merge.subcommand().matchedPositionalValue(0, List.of());
        for (int i = 1; i <= n; i++) {
            assertTrue(outputs.contains(Path.of("outputs/maml-run-" + i + ".jsonl")), "the merge reads shard " + i + ": " + outputs);
        }
        assertEquals("maml-run-*", workflow.at("/jobs/merge/steps").findValue("pattern").asString());
    }

    @Test
    void theIndexedJobsCompletionsAreTheNOfItsAutoShard() throws Exception {
        JsonNode job = YAML.readTree(Files.readString(ROOT.resolve("examples/k8s/maml-run-job.yaml")));
        assertEquals("Indexed", job.at("/spec/completionMode").asString());
        int completions = job.at("/spec/completions").asInt();
        List<String> command = new ArrayList<>();
        job.at("/spec/template/spec/containers/0/command").forEach(word -> command.add(word.asString()));
        String line = String.join(" ", command);
        ParseResult parsed = parse(line);
        ShardArgument shard = parsed.matchedOptionValue("--shard", null);
        assertEquals(completions, shard.total(), line);
        Set<String> shards = new HashSet<>();
        for (int index = 0; index < completions; index++) {
            String value = Integer.toString(index);
            shards.add(shard.resolve(name -> name.equals(ShardArgument.INDEX_VARIABLE) ? value : null).toString());
        }
        assertEquals(completions, shards.size(), "each pod of the Job runs another shard: " + shards);
        assertPathsExist(parsed);
        assertTrue(line.contains("> out/shard-$JOB_COMPLETION_INDEX.jsonl"), line);
    }

    /** The one `run` (or command) text of {@code steps} that calls maml-run and contains {@code marker}. */
    private static String run(JsonNode steps, String marker) {
        List<String> runs = new ArrayList<>();
        steps.forEach(step -> {
            String text = step.path("run").asString("");
            if (text.contains("maml-run") && text.contains(marker)) {
                runs.add(text);
            }
        });
        assertEquals(1, runs.size(), runs.toString());
        return runs.get(0);
    }

    /** The `maml-run …` part of a shell line (up to a redirection), parsed as `maml run-batch …` without running it. */
    private static ParseResult parse(String shell) {
        String from = shell.substring(shell.indexOf("maml-run") + "maml-run".length());
        int redirect = from.indexOf('>');
        String words = (redirect < 0 ? from : from.substring(0, redirect)).strip();
        List<String> args = new ArrayList<>(List.of("run-batch"));
        args.addAll(Arrays.asList(words.split("\\s+")));
        ParseResult result = Main.commandLine(new Main()).parseArgs(args.toArray(String[]::new));
        assertTrue(result.hasSubcommand(), shell);
        return result.subcommand();
    }

    /** The PATHs and --trust keys, relative to the repository (the examples run from its root). */
    private static void assertPathsExist(ParseResult batch) {
        List<Path> paths = new ArrayList<>(batch.matchedPositionalValue(0, List.of()));
        paths.addAll(batch.matchedOptionValue("--trust", List.of()));
        assertTrue(!paths.isEmpty());
        paths.forEach(path -> assertTrue(Files.exists(ROOT.resolve(path)), path + " is in the repository"));
    }
}
