package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.sign.KeyPasswords;
import dev.maml.testing.ChildProcesses;
import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password-protected keys through the real `maml`, each in its own JVM with its own environment
 * and no terminal (standard input is a pipe, so {@link System#console()} is null, as in CI):
 * keygen --password, then every command that loads a private key (sign, receipt create --key,
 * run --key) with the password from MAML_KEY_PASSWORD, a wrong one, none, and a truncated key.
 */
class KeyPasswordCommandsTest {

    private static final String PASSWORD = "s3cret \"pass\" \u00e9";

    @TempDir
    Path dir;

    @Test
    void anEncryptedKeySignsReceiptsAndRunsWithThePasswordFromTheEnvironment() throws Exception {
        ChildProcesses.Finished keygen = maml(PASSWORD, "keygen", "--out", p("alice"), "--password");
        assertEquals(0, keygen.code(), keygen.output());
        assertTrue(keygen.output().contains("(mode 0600, encrypted; keep it secret)"), keygen.output());
        assertTrue(Files.readString(dir.resolve("alice.key")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("alice.key"))));
        assertNoSecret(keygen);

        Path doc = document("drone.maml.md");
        ChildProcesses.Finished sign = maml(PASSWORD, "sign", doc.toString(), "--key", p("alice.key"));
        assertEquals(0, sign.code(), sign.output());
        assertNoSecret(sign);
        assertEquals(0, CliRun.of("verify", doc.toString(), "--trust", p("alice.pub")).exitCode());

        ChildProcesses.Finished receipt = maml(PASSWORD, "receipt", "create", doc.toString(), "--key", p("alice.key"));
        assertEquals(0, receipt.code(), receipt.output());
        CliRun check = CliRun.of("receipt", "verify", p("drone.mu"), "--trust", p("alice.pub"));
        assertTrue(check.out().contains("valid (signed by key"), check.out());

        Path demo = RunFixtures.copyDemo(Files.createDirectories(dir.resolve("demo")));
        ChildProcesses.Finished run = maml(PASSWORD, "run", demo.toString(), "--key", p("alice.key"), "--seed", "7");
        assertEquals(0, run.code(), run.output());
        String keyId = keyIdOf(sign.output());
        assertTrue(run.output().contains("\"key_id\" : \"" + keyId + "\""), run.output());
        assertNoSecret(run);
    }

    @Test
    void aWrongPasswordNoPasswordOrABrokenKeyStopsWithExit2AndChangesNothing() throws Exception {
        assertEquals(0, maml(PASSWORD, "keygen", "--out", p("alice"), "--password").code());
        Path doc = document("drone.maml.md");
        byte[] before = Files.readAllBytes(doc);
        Path demo = RunFixtures.copyDemo(Files.createDirectories(dir.resolve("demo")));

        for (List<String> command : List.of(List.of("sign", doc.toString(), "--key", p("alice.key")),
                List.of("receipt", "create", doc.toString(), "--key", p("alice.key")),
                List.of("run", demo.toString(), "--key", p("alice.key")))) {
            ChildProcesses.Finished wrong = maml("not the password", command.toArray(String[]::new));
            assertEquals(2, wrong.code(), command + ": " + wrong.output());
            assertTrue(wrong.output().contains(p("alice.key") + ": wrong password (or the encrypted key is corrupt)"),
                    wrong.output());
            assertFalse(wrong.output().contains("Exception") || wrong.output().contains("\tat "), wrong.output());
            assertFalse(wrong.output().contains("not the password"), "the password is never printed");

            ChildProcesses.Finished none = maml(null, command.toArray(String[]::new));
            assertEquals(2, none.code(), command + ": " + none.output());
            assertTrue(none.output().contains(p("alice.key") + ": is encrypted; set " + KeyPasswords.VARIABLE
                    + " or run from a terminal to be asked for its password"), none.output());
        }
        assertArrayEquals(before, Files.readAllBytes(doc), "nothing signed");
        try (var files = Files.walk(dir)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".mu")), "no receipt written");
        }

        // Truncated inside the PEM armour: refused as corrupt, before any password is asked for.
        String pem = Files.readString(dir.resolve("alice.key"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        Path truncated = dir.resolve("truncated.key");
        Files.writeString(truncated, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(Arrays.copyOf(der, der.length / 3))
                + "\n-----END ENCRYPTED PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(truncated, PosixFilePermissions.fromString("rw-------"));
        ChildProcesses.Finished broken = maml(null, "sign", doc.toString(), "--key", truncated.toString());
        assertEquals(2, broken.code(), broken.output());
        assertTrue(broken.output().contains(truncated + ": not a valid encrypted PKCS#8 private key (corrupt or truncated)"),
                broken.output());
        assertArrayEquals(before, Files.readAllBytes(doc));
    }

    @Test
    void keygenPasswordWithoutTerminalOrVariableWritesNothing() throws Exception {
        ChildProcesses.Finished keygen = maml(null, "keygen", "--out", p("bob"), "--password");
        assertEquals(2, keygen.code(), keygen.output());
        assertTrue(keygen.output().contains("--password: set MAML_KEY_PASSWORD or run from a terminal"), keygen.output());
        assertFalse(Files.exists(dir.resolve("bob.key")) || Files.exists(dir.resolve("bob.pub")));
        ChildProcesses.Finished empty = maml("", "keygen", "--out", p("bob"), "--password");
        assertEquals(2, empty.code(), "an empty variable counts as unset: " + empty.output());
        assertFalse(Files.exists(dir.resolve("bob.key")));
    }

    private static String keyIdOf(String signOutput) {
        return signOutput.substring(signOutput.indexOf("with key ") + "with key ".length()).strip();
    }

    private static void assertNoSecret(ChildProcesses.Finished run) {
        assertFalse(run.output().contains(PASSWORD), "the password is never printed");
    }

    private Path document(String name) throws Exception {
        Path doc = dir.resolve(name);
        Files.copy(TestData.example(), doc);
        return doc;
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    /** `maml ARGS…` in a fresh JVM, MAML_KEY_PASSWORD set to {@code password} (null: unset), stdin a pipe. */
    private ChildProcesses.Finished maml(String password, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ServerProcess.maml(List.of("-XX:-UsePerfData"), args))
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove(KeyPasswords.VARIABLE);
        if (password != null) {
            pb.environment().put(KeyPasswords.VARIABLE, password);
        }
        return ChildProcesses.run(pb, ChildProcesses.TIMEOUT);
    }
}
