package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lint.config.LintConfigException;
import dev.maml.report.Json;
import dev.maml.run.Pipeline;
import dev.maml.toolchain.Build;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A bug is exit 70 (EX_SOFTWARE), never 2: `maml run` and `maml run-batch` on a workflow whose
 * sandbox probe throws (a broken component injected through {@link Main}'s pipeline seam) print one
 * escaped line saying it is a bug, and the stack trace only with --debug.
 */
class InternalErrorExitTest {

    /** Escaped on stderr: a message may quote anything. */
    private static final String BUG_LINE = "maml: internal error: IllegalStateException: probe \\x1B[31mbroke; this is a"
            + " bug; rerun with --debug and report it";

    @TempDir
    Path dir;

    private Path doc;

    @BeforeEach
    void workflowWithACodeBlock() throws IOException {
        doc = RunFixtures.write(dir, "w.maml.md", RunFixtures.document("workflow", "## Code_Blocks\n```sh\necho hi\n```\n"));
    }

    private static CliRun withBrokenSandboxProbe(String... args) {
        Pipeline broken = new Pipeline(Clock.systemUTC(), () -> {
            throw new IllegalStateException("probe \u001B[31mbroke");
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(() -> broken, new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void anUnexpectedExceptionInARunExits70WithOneLineAndNoTrace() {
        CliRun run = withBrokenSandboxProbe("run", doc.toString());
        assertEquals(ExitCodes.INTERNAL, run.exitCode(), run.err());
        assertEquals(BUG_LINE + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void debugAddsTheStackTraceBeforeOrAfterTheSubcommand() {
        for (String[] args : new String[][] {{"--debug", "run", doc.toString()}, {"run", doc.toString(), "--debug"}}) {
            CliRun run = withBrokenSandboxProbe(args);
            assertEquals(ExitCodes.INTERNAL, run.exitCode(), run.err());
            assertTrue(run.err().startsWith(BUG_LINE), run.err());
            assertTrue(run.err().contains("java.lang.IllegalStateException: probe"), run.err());
            assertTrue(run.err().contains("at dev.maml.run.CodeBlocks"), "the trace names where it broke: " + run.err());
        }
    }

    @Test
    void aBugInOneDocumentOfABatchIsExit70OnItsLineAndForTheBatch() {
        CliRun run = withBrokenSandboxProbe("run-batch", dir.toString());
        assertEquals(ExitCodes.INTERNAL, run.exitCode(), run.out() + run.err());
        JsonNode line = Json.MAPPER.readTree(run.out().lines().findFirst().orElseThrow());
        assertEquals(ExitCodes.INTERNAL, line.get("exit_code").asInt());
        assertEquals(ExitCodes.INTERNAL, ShardedBatchTest.summary(run).get("exit_code").asInt());
        assertTrue(line.get("message").asString().endsWith("; this is a bug; rerun with --debug and report it"),
                line.toString());
        assertTrue(run.err().contains("w.maml.md: internal error: IllegalStateException"), run.err());
        assertFalse(run.err().contains("\tat "), "no trace without --debug: " + run.err());
        assertTrue(withBrokenSandboxProbe("run-batch", dir.toString(), "--debug").err().contains("\tat "),
                "--debug prints the trace");
    }

    @Test
    void errorsOfInputAndEnvironmentStayUserErrors() {
        assertTrue(Failures.isUserError(new NoSuchFileException("x")));
        assertTrue(Failures.isUserError(new UncheckedIOException(new IOException("disk full"))));
        assertTrue(Failures.isUserError(new LintConfigException("bad .maml-lint.yaml")));
        assertTrue(Failures.isUserError(new UsageException("MAML_DOCS_URL must be an absolute URL")));
        assertFalse(Failures.isUserError(new NullPointerException()));
        assertFalse(Failures.isUserError(new IllegalArgumentException("a bug too, when it escapes a command")));
        assertEquals("internal error: NullPointerException; this is a bug; rerun with --debug and report it",
                Failures.internal(new NullPointerException()));
    }

    @Test
    void aMalformedDocsUrlIsTheUsersErrorNotABug() {
        assertEquals(Build.HOME, LintCommand.RuleDocs.base(" "));
        assertEquals("https://example.org/docs/", LintCommand.RuleDocs.base("https://example.org/docs").toString());
        for (String bad : new String[] {"docs/relative", "https://exa mple.org/"}) {
            UsageException e = assertThrows(UsageException.class, () -> LintCommand.RuleDocs.base(bad));
            assertTrue(Failures.isUserError(e), e.getMessage());
            assertEquals("MAML_DOCS_URL must be an absolute URL, not '" + bad + "'", e.getMessage());
        }
    }
}
