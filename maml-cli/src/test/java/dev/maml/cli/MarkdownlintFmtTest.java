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
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `maml fmt` writes passes markdownlint-cli2's default rules (pinned in interop/markdownlint-cli2),
 * except the ones the MAML format conflicts with, which interop/markdownlint-cli2/fmt.markdownlint-cli2.jsonc
 * turns off (the reasons are in docs/lint.md). The documents are every *.maml.md under testdata/ and
 * examples/, copied into a fresh directory (so nothing a user's own run left in the tree is read
 * beyond documents, and nothing is written there) and formatted with `maml fmt DIR`. Without node and
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
        assertEquals(0, fmt.exitCode(), fmt.err());
        // a signed document is formatted too, and said to need signing again (never silently)
        assertTrue(fmt.err().lines().allMatch(l -> l.endsWith(": the signed bytes changed; sign it again (maml sign)")), fmt.err());
        assertEquals(0, CliRun.of("fmt", "--check", dir.toString()).exitCode(), "formatting is idempotent");

        Finished lint = ChildProcess.run(dir, Duration.ofMinutes(3), "node",
                peer.resolve("node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs").toString(),
                "--config", peer.resolve("fmt.markdownlint-cli2.jsonc").toString(), "**/*.maml.md");
        assertNotNull(lint, "node is not installed");
        assertTrue(lint.output().contains("Linting: " + copied + " file(s)"), "markdownlint read every document: " + lint.output());
        List<String> findings = lint.output().lines().filter(l -> l.matches(".*:\\d+(:\\d+)? (error )?MD\\d{3}/.*")).toList();
        assertEquals(List.of(), findings.stream().limit(40).toList(), findings.size() + " findings; " + summary(findings));
        assertEquals(0, lint.code(), lint.output());
    }

    /** Findings per rule, e.g. "{MD022=12, MD031=3}". */
    private static String summary(List<String> findings) {
        return findings.stream().map(l -> l.replaceAll(".* (MD\\d{3})/.*", "$1"))
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting())).toString();
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
