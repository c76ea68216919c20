package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.server.testing.ChildProcess;
import dev.maml.server.testing.NpmPeer;
import dev.maml.testing.ChildProcesses.Finished;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `maml fmt` writes passes markdownlint-cli2's default rules (pinned in interop/markdownlint-cli2),
 * except the ones the MAML format conflicts with, which interop/markdownlint-cli2/fmt.markdownlint-cli2.jsonc
 * turns off (the reasons are in docs/lint.md). The documents are every *.maml.md under testdata/ and
 * examples/, copied into a fresh directory and formatted there with `maml fmt DIR`. Without node and
 * npm the test is skipped, except under CI=true, where it fails.
 */
class MarkdownlintFmtTest {

    @Test
    void formattedCorpusHasNoMarkdownlintFinding(@TempDir Path dir) throws Exception {
        Path peer = NpmPeer.installed("markdownlint-cli2");
        Path root = TestData.repositoryRoot();
        int copied = copyDocuments(root.resolve("testdata"), dir.resolve("testdata"))
                + copyDocuments(root.resolve("examples"), dir.resolve("examples"));
        assertTrue(copied >= 200, "documents copied: " + copied);

        CliRun fmt = CliRun.of("fmt", dir.toString());
        // only files that are not UTF-8 (the MAML090 corpus cases) are refused; they are left out below.
        // A signed document is formatted and said to need signing again (never silently).
        List<String> refused = fmt.err().lines().filter(l -> !l.endsWith(": the signed bytes changed; sign it again (maml sign)")).toList();
        assertTrue(refused.stream().allMatch(l -> l.endsWith(": not valid UTF-8; left unchanged")), fmt.err());
        assertEquals(refused.isEmpty() ? 0 : 2, fmt.exitCode(), fmt.err());
        for (String line : refused) {
            Files.delete(Path.of(line.substring("maml: ".length(), line.length() - ": not valid UTF-8; left unchanged".length())));
        }
        assertEquals(0, CliRun.of("fmt", "--check", dir.toString()).exitCode(), "formatting is idempotent");

        Finished lint = ChildProcess.run(dir, Duration.ofMinutes(3), "node",
                peer.resolve("node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs").toString(),
                "--config", peer.resolve("fmt.markdownlint-cli2.jsonc").toString(), "**/*.maml.md");
        assertNotNull(lint, "node is not installed");
        List<String> findings = lint.output().lines().filter(l -> l.matches(".*:\\d+(:\\d+)? (error )?MD\\d{3}/.*")).toList();
        assertEquals(List.of(), findings.stream().limit(40).toList(), findings.size() + " findings; " + summary(findings));
        assertEquals(0, lint.code(), lint.output());
    }

    /** Findings per rule, e.g. "MD022 × 12". */
    private static String summary(List<String> findings) {
        return findings.stream().map(l -> l.replaceAll(".* (MD\\d{3})/.*", "$1"))
                .collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                .toString();
    }

    private static int copyDocuments(Path from, Path to) throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.walk(from)) {
            documents = files.filter(p -> p.getFileName().toString().endsWith(".maml.md") && Files.isRegularFile(p)).toList();
        }
        for (Path doc : documents) {
            Path target = to.resolve(from.relativize(doc).toString());
            Files.createDirectories(target.getParent());
            Files.copy(doc, target);
        }
        return documents.size();
    }
}
