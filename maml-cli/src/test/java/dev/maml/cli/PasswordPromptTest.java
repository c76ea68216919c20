package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.maml.sign.KeyPasswords;
import dev.maml.testing.ChildProcesses;
import dev.maml.testing.RealParts;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password prompt on a real terminal: `maml` runs under util-linux's {@code script}, which gives
 * it a pseudo-terminal, so {@link System#console()} exists and the prompt switches echo off. The
 * test types only after the prompt is shown (the JDK turns echo off before printing it), so a
 * password in the output would be an echo.
 */
class PasswordPromptTest {

    private static final String PASSWORD = "typed at the prompt";

    @TempDir
    Path dir;

    @Test
    void keygenAsksTwiceAndSignAsksOnceForSeveralFilesWithoutEcho() throws Exception {
        requireScript();
        Terminal keygen = Terminal.start(dir, "keygen", "--out", p("alice"), "--password");
        keygen.expect("New key password: ").type(PASSWORD);
        keygen.expect("Same password again: ").type(PASSWORD);
        assertEquals(0, keygen.exit(), keygen.output());
        assertTrue(Files.readString(dir.resolve("alice.key")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertFalse(keygen.output().contains(PASSWORD), "echoed: " + keygen.output());

        Path a = Files.copy(TestData.example(), dir.resolve("a.maml.md"));
        Path b = Files.copy(TestData.example(), dir.resolve("b.maml.md"));
        Terminal sign = Terminal.start(dir, "sign", a.toString(), b.toString(), "--key", p("alice.key"));
        sign.expect("Password for " + p("alice.key") + ": ").type(PASSWORD);
        assertEquals(0, sign.exit(), sign.output());
        assertEquals(1, sign.output().split("Password for ", -1).length - 1, "asked once: " + sign.output());
        assertFalse(sign.output().contains(PASSWORD), "echoed: " + sign.output());
        assertEquals(0, CliRun.of("verify", a.toString(), b.toString(), "--trust", p("alice.pub")).exitCode());

        Terminal wrong = Terminal.start(dir, "sign", a.toString(), "--key", p("alice.key"));
        wrong.expect("Password for ").type("not it");
        assertEquals(2, wrong.exit(), wrong.output());
        assertTrue(wrong.output().contains(p("alice.key") + ": wrong password"), wrong.output());
    }

    @Test
    void keygenRefusesTwoDifferentPasswordsAndWritesNothing() throws Exception {
        requireScript();
        Terminal keygen = Terminal.start(dir, "keygen", "--out", p("bob"), "--password");
        keygen.expect("New key password: ").type("one");
        keygen.expect("Same password again: ").type("two");
        assertEquals(2, keygen.exit(), keygen.output());
        assertTrue(keygen.output().contains("the two passwords differ; nothing written"), keygen.output());
        assertFalse(Files.exists(dir.resolve("bob.key")) || Files.exists(dir.resolve("bob.pub")));
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private static void requireScript() {
        if (!Files.isExecutable(Path.of("/usr/bin/script"))) {
            RealParts.missing("script is not installed (apt-get install bsdutils): the prompt test needs a pseudo-terminal");
        }
    }

    /** `maml ARGS…` on a pseudo-terminal, MAML_KEY_PASSWORD unset; what it prints is collected as it comes. */
    private static final class Terminal {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;
        private int seen;

        private Terminal(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buf = new byte[4096];
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    output.append("[read failed: ").append(e.getMessage()).append(']');
                }
            });
            reader.start();
        }

        static Terminal start(Path dir, String... args) throws IOException {
            String command = ServerProcess.maml(List.of("-XX:-UsePerfData"), args).stream()
                    .map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
            ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
                    .directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().remove(KeyPasswords.VARIABLE);
            return new Terminal(pb.start());
        }

        /** Waits until {@code prompt} appears after the previous one (the program then reads without echo). */
        Terminal expect(String prompt) throws InterruptedException {
            Instant deadline = Instant.now().plus(ChildProcesses.TIMEOUT);
            int at;
            while ((at = output.indexOf(prompt, seen)) < 0) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    ChildProcesses.killTree(process);
                    fail("no prompt \"" + prompt + "\"; output: " + output);
                }
                Thread.sleep(20);
            }
            seen = at + prompt.length();
            return this;
        }

        void type(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\r").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        int exit() throws InterruptedException {
            int code = ChildProcesses.waitFor(process, ChildProcesses.TIMEOUT, "maml under script");
            reader.join(Duration.ofSeconds(10).toMillis());
            return code;
        }

        String output() {
            return output.toString();
        }
    }
}
