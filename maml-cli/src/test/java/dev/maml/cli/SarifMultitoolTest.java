package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.server.testing.ChildProcess;
import dev.maml.server.testing.NpmPeer;
import dev.maml.testing.ChildProcesses.Finished;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * GitHub code scanning accepts what `maml lint --format sarif` writes: Microsoft's SARIF Multitool
 * (pinned in interop/sarif-multitool) validates a real run over the webxos corpus, which triggers
 * most rules, with the SARIF rules and GitHub's upload rules, and finds nothing at error or warning
 * level. Without node and npm the test is skipped, except under CI=true, where it fails.
 */
class SarifMultitoolTest {

    @Test
    void theMultitoolFindsNoErrorOrWarning(@TempDir Path dir) throws Exception {
        Path peer = NpmPeer.installed("sarif-multitool");
        CliRun lint = CliRun.of("lint", "--format", "sarif", TestData.corpus().toString());
        assertEquals(1, lint.exitCode(), lint.err());
        Path report = dir.resolve("maml.sarif");
        Files.writeString(report, lint.out());
        Set<String> triggered = new TreeSet<>();
        Json.MAPPER.readTree(lint.out()).get("runs").get(0).get("results").forEach(r -> triggered.add(r.get("ruleId").asString()));
        assertTrue(triggered.size() >= 20, "the corpus triggers many rules: " + triggered);

        Path findings = dir.resolve("findings.sarif");
        Finished validate = ChildProcess.run(peer, Duration.ofMinutes(3), "node", "validate.mjs", report.toString(), findings.toString());
        assertNotNull(validate, "node is not installed");
        assertEquals(0, validate.code(), validate.output());
        assertEquals(List.of(), problems(Json.MAPPER.readTree(findings.toFile())), validate.output());
    }

    /** The Multitool's results at error or warning level (a result without a level takes its rule's default). */
    private static List<String> problems(JsonNode log) {
        JsonNode run = log.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        List<String> problems = new ArrayList<>();
        for (JsonNode result : run.get("results")) {
            String level = result.has("level") ? result.get("level").asString()
                    : rules.get(result.get("ruleIndex").asInt()).path("defaultConfiguration").path("level").asString("warning");
            if (level.equals("error") || level.equals("warning")) {
                problems.add(level + " " + result.get("ruleId").asString() + " " + result.get("message"));
            }
        }
        return problems;
    }
}
