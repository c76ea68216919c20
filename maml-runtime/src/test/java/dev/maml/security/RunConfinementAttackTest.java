package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.run.Pipeline;
import dev.maml.run.RunFailure;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.testing.SecurityWorkflows;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit's attacks on what a run may touch (issue 10 item 3, spec 10.2a), replayed: a document
 * that names files outside its own directory tree, or plants links and foreign files where the run
 * writes. The document is the attacker's; the person running it is the victim.
 */
@EnabledOnOs(OS.LINUX)
class RunConfinementAttackTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "root-only secret\n";

    @TempDir
    Path top;
    Path project;
    Path elsewhere;

    @BeforeEach
    void layout() throws Exception {
        project = Files.createDirectories(top.resolve("project"));
        elsewhere = Files.createDirectories(top.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("secret"), SECRET);
        Files.writeString(project.resolve("data.csv"), "a,b\n1,2\n");
    }

    private Path document(String context) throws Exception {
        return SecurityWorkflows.write(project.resolve("w.maml.md"), "Confinement tests.", context);
    }

    private static RunResult run(Path doc) {
        return run(RunRequest.builder(doc).seed(7));
    }

    /** A run confined to {@code root}, as a server's --root asks. */
    private static RunResult run(Path doc, Path root) {
        return run(RunRequest.builder(doc).seed(7).root(root));
    }

    private static RunResult run(RunRequest.Builder request) {
        Pipeline pipeline = new Pipeline(CLOCK, () -> {
            throw new AssertionError("no code block runs here");
        });
        return pipeline.run(request.build());
    }

    private static void assertRefusedOutside(RunResult result) {
        assertEquals(RunFailure.REFUSED, result.exitCode(), result.message());
        assertTrue(result.message().startsWith("path outside the document's tree: "), result.message());
        assertEquals(null, result.receipt(), "a refused run writes no receipt");
    }

    /** The audit: `dataset: ../elsewhere/secret` was sealed into the project. */
    @ParameterizedTest
    @ValueSource(strings = {"../elsewhere/secret", "sub/../../elsewhere/secret", "ABSOLUTE", "./../elsewhere/secret"})
    void aDatasetOutsideTheTreeIsRefusedAndNothingIsSealed(String dataset) throws Exception {
        Files.createDirectories(project.resolve("sub"));
        String value = dataset.equals("ABSOLUTE") ? elsewhere.resolve("secret").toString() : dataset;
        RunResult result = run(document("dataset: " + value));
        assertRefusedOutside(result);
        assertEquals("quad_aes.seal", result.failedStep());
        assertEquals(List.of(), containers(), "nothing sealed");
    }

    @Test
    void aSymbolicLinkInsideTheTreeThatLeadsOutIsRefused() throws Exception {
        Files.createSymbolicLink(project.resolve("innocent.csv"), elsewhere.resolve("secret"));
        assertRefusedOutside(run(document("dataset: innocent.csv")));
        Files.createSymbolicLink(project.resolve("linked-dir"), elsewhere);
        assertRefusedOutside(run(document("dataset: linked-dir/secret")));
        assertEquals(List.of(), containers());
    }

    /** The audit: `keyring: /any/path` was created outside the tree. */
    @ParameterizedTest
    @ValueSource(strings = {"ABSOLUTE", "../elsewhere/planted.keyring", "LINKED"})
    void aKeyringOutsideTheTreeIsNeitherCreatedNorRead(String keyring) throws Exception {
        Files.createSymbolicLink(project.resolve("keys"), elsewhere);
        String value = switch (keyring) {
            case "ABSOLUTE" -> elsewhere.resolve("planted.keyring").toString();
            case "LINKED" -> "keys/planted.keyring";
            default -> keyring;
        };
        RunResult result = run(document("dataset: data.csv\nkeyring: " + value));
        assertRefusedOutside(result);
        assertFalse(Files.exists(elsewhere.resolve("planted.keyring"), LinkOption.NOFOLLOW_LINKS), "no keyring created");
        assertEquals(List.of(), containers());
    }

    @Test
    void aDanglingLinkIsRefusedRatherThanFollowedWhenCreatingTheKeyring() throws Exception {
        Files.createSymbolicLink(project.resolve("k.keyring"), elsewhere.resolve("created-through-link"));
        assertRefusedOutside(run(document("dataset: data.csv\nkeyring: k.keyring")));
        assertFalse(Files.exists(elsewhere.resolve("created-through-link")));
    }

    @Test
    void aPathInsideTheTreeStillWorksAndEveryNewFileIsOwnerOnly() throws Exception {
        Files.createDirectories(project.resolve("private"));
        RunResult result = run(document("dataset: ./sub/../data.csv\nkeyring: private/run.keyring"));
        assertEquals(0, result.exitCode(), result.message());
        for (Path created : List.of(project.resolve("data.csv.mqa"), project.resolve("private/run.keyring"),
                result.receipt())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)),
                    created.toString());
        }
    }

    /** The tree is a parameter of the run: a server passes its --root, which may be above the document. */
    @Test
    void theRootIsAParameterOfTheRun() throws Exception {
        Files.createDirectories(project.resolve("sub"));
        Path doc = document("dataset: ../elsewhere/secret");
        RunResult widened = run(doc, top);
        assertEquals(0, widened.exitCode(), "inside --root: " + widened.message());
        assertRefusedOutside(run(doc, project.resolve("sub")));
    }

    /**
     * A server holds a posted document in a private temporary file and runs it as if it lived in
     * its --root: what the document names resolves in the root, never next to the temporary file.
     */
    @Test
    void aPostedDocumentIsReadAsLivingInItsBaseDirectory() throws Exception {
        Path spool = Files.createDirectories(top.resolve("spool"));
        Files.writeString(spool.resolve("data.csv"), "planted next to the temporary file, much longer than the real one\n");
        Path posted = Files.move(document("dataset: data.csv"), spool.resolve("posted.maml.md"));
        RunResult result = run(RunRequest.builder(posted).seed(7).root(project).baseDir(project)
                .receiptDir(top.resolve("receipts")));
        assertEquals(0, result.exitCode(), result.message());
        assertEquals(Files.size(project.resolve("data.csv")), result.result().at("/heads/plaintext_bytes").asLong());
        assertTrue(result.receipt().startsWith(top.resolve("receipts")), String.valueOf(result.receipt()));

        Files.writeString(posted, Files.readString(posted).replace("dataset: data.csv", "dataset: ../spool/data.csv"));
        assertRefusedOutside(run(RunRequest.builder(posted).seed(7).root(project).baseDir(project)));
    }

    /**
     * A posted document is also linted with its base directory's config, not with whatever config
     * lies around the temporary file, and the result names it as the server says.
     */
    @Test
    void aPostedDocumentIsLintedWithItsBaseDirectorysConfigAndNamedAsGiven() throws Exception {
        Path spool = Files.createDirectories(top.resolve("spool"));
        Files.writeString(spool.resolve(".maml-lint.yaml"), "rules:\n  MAML001: off\n");
        Files.writeString(project.resolve(".maml-lint.yaml"), "rules:\n  MAML032: error\n");
        Path posted = Files.move(document("dataset: data.csv\n\n## Bogus\nan unknown section"),
                spool.resolve("posted-1234.maml.md"));
        RunResult result = run(RunRequest.builder(posted).seed(7).root(project).baseDir(project).name("posted.maml.md")
                .receiptDir(top.resolve("receipts")));
        assertEquals(2, result.exitCode(), "--root's config made MAML032 an error: " + result.result());
        assertEquals("posted.maml.md", result.result().path("document").asString());
        assertTrue(result.message().contains("first: posted.maml.md:"), result.message());
        assertFalse(result.result().toString().contains("posted-1234"), result.result().toString());
    }

    /** The audit: an existing container kept its 0644, so another user could read what a root run sealed. */
    @Test
    void anExistingOutputEndsUpOwnerOnly() throws Exception {
        Path container = Files.writeString(project.resolve("data.csv.mqa"), "old");
        Files.setPosixFilePermissions(container, PosixFilePermissions.fromString("rw-r--r--"));
        RunResult result = run(document("dataset: data.csv"));
        assertEquals(0, result.exitCode(), result.message());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(container)));
    }

    @Test
    void aContainerPlantedAsALinkIsNotWrittenThrough() throws Exception {
        Path victim = Files.writeString(elsewhere.resolve("victim"), "unchanged");
        Files.createSymbolicLink(project.resolve("data.csv.mqa"), victim);
        RunResult result = run(document("dataset: data.csv"));
        assertEquals(RunFailure.REFUSED, result.exitCode(), result.message());
        assertTrue(result.message().contains("not a regular file (a symbolic link); refusing to replace it"),
                result.message());
        assertTrue(Files.isSymbolicLink(project.resolve("data.csv.mqa")), "the link is left alone");
        assertEquals("unchanged", Files.readString(victim));
        assertEquals(List.of(), temps(), "no temp file left behind");
    }

    @Test
    void aKeyringPlantedAsALinkNextToTheContainerIsRefused() throws Exception {
        Path theirs = elsewhere.resolve("their.keyring");
        Files.createSymbolicLink(project.resolve("data.csv.mqa.keyring"), theirs);
        RunResult result = run(document("dataset: data.csv"));
        assertEquals(RunFailure.REFUSED, result.exitCode(), result.message());
        assertTrue(result.message().contains("symbolic link"), result.message());
        assertFalse(Files.exists(theirs));
    }

    private List<Path> containers() throws Exception {
        try (Stream<Path> files = Stream.concat(Files.list(project), Files.list(elsewhere))) {
            return files.filter(p -> p.toString().endsWith(".mqa")).toList();
        }
    }

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(project)) {
            return files.filter(p -> p.toString().endsWith(".tmp")).toList();
        }
    }
}
