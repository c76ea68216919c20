package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.maml.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

/** The real `maml` command line, in-process, with a deadline: a command that blocks on a FIFO fails the test. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        return withStdin(new ByteArrayInputStream(new byte[0]), args);
    }

    static Cli withStdin(InputStream stdin, String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(stdin, new PrintWriter(out), new PrintWriter(err), args);
            return new Cli(code, out.toString(), err.toString());
        }, "maml " + String.join(" ", args) + " must not block");
    }

    /** Exit {@code code} with exactly one `maml: …` line on stderr containing {@code text}, and no stack trace. */
    Cli failsWith(int code, String text) {
        assertEquals(code, exitCode, err);
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("Error:"), err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        assertEquals(true, err.startsWith("maml: ") && err.contains(text), err);
        return this;
    }
}
