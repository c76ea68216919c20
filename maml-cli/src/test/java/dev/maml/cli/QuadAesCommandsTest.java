package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maml heads init|rotate|check, maml seal, maml unseal: exit codes and messages. */
class QuadAesCommandsTest {

    /** Preamble (72 bytes) then the first head-table slot: generation (8), then 65-byte entries. */
    private static final int SLOT0 = 72;
    private static final int HEADER = 72 + 2 * (8 + 4 * 65);

    @TempDir
    Path dir;
    Path keyring;
    Path plain;
    Path sealed;
    Path out;
    byte[] payload;

    @BeforeEach
    void setUp() throws IOException {
        keyring = dir.resolve("heads.json");
        plain = dir.resolve("data.bin");
        sealed = dir.resolve("data.bin.mqa");
        out = dir.resolve("data.out");
        payload = new byte[150_000];
        new Random(1).nextBytes(payload);
        Files.write(plain, payload);
        ok(CliRun.of("heads", "init", "--keyring", keyring.toString()));
    }

    @Test
    void initCreatesAnOwnerOnlyKeyringAndNeverOverwritesIt() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyring)));
        String before = Files.readString(keyring);
        CliRun again = CliRun.of("heads", "init", "--keyring", keyring.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(before, Files.readString(keyring));
    }

    @Test
    void sealThenUnsealRoundTrips() throws IOException {
        CliRun seal = ok(CliRun.of("seal", "--in", plain.toString(), "--out", sealed.toString(), "--keyring", keyring.toString()));
        assertTrue(seal.out().contains("150000 bytes"), seal.out());
        CliRun unseal = ok(CliRun.of("unseal", sealed.toString(), "--out", out.toString(), "--keyring", keyring.toString()));
        assertTrue(unseal.out().contains("4 of 4 heads ok"), unseal.out());
        assertEquals("", unseal.err());
        assertArrayEquals(payload, Files.readAllBytes(out));
        ok(CliRun.of("heads", "check", sealed.toString(), "--keyring", keyring.toString()));
    }

    @Test
    void aDamagedHeadIsReportedThenRegenerated() throws IOException {
        seal();
        flip(SLOT0 + 8 + 65 + 20); // inside head 2's wrapped share
        CliRun unseal = ok(CliRun.of("unseal", sealed.toString(), "--out", out.toString(), "--keyring", keyring.toString()));
        assertArrayEquals(payload, Files.readAllBytes(out));
        assertTrue(unseal.err().contains("head 2 (epoch 1): wrapped share failed authentication; regenerate it: maml heads rotate "
                + sealed + " --head 2 --keyring " + keyring), unseal.err());

        CliRun check = CliRun.of("heads", "check", sealed.toString(), "--keyring", keyring.toString());
        assertEquals(1, check.exitCode());
        assertTrue(check.out().contains("3 of 4 heads ok: payload recoverable"), check.out());

        CliRun rotate = ok(CliRun.of("heads", "rotate", sealed.toString(), "--head", "2", "--keyring", keyring.toString()));
        assertTrue(rotate.out().contains("epoch 1 -> 2"), rotate.out());
        CliRun after = ok(CliRun.of("heads", "check", sealed.toString(), "--keyring", keyring.toString()));
        assertTrue(after.out().contains("4 of 4 heads ok"), after.out());
    }

    @Test
    void twoDamagedHeadsFailWithExitOneAndNoOutput() throws IOException {
        seal();
        flip(SLOT0 + 8 + 20);
        flip(SLOT0 + 8 + 3 * 65 + 20);
        CliRun unseal = CliRun.of("unseal", sealed.toString(), "--out", out.toString(), "--keyring", keyring.toString());
        assertEquals(1, unseal.exitCode());
        assertTrue(unseal.err().contains("2 of 4 heads usable, 3 needed"), unseal.err());
        assertFalse(Files.exists(out));
        noStackTrace(unseal);
    }

    @Test
    void aCorruptPayloadFailsWithExitOneAndNoOutput() throws IOException {
        seal();
        flip(HEADER + 70_000);
        CliRun unseal = CliRun.of("unseal", sealed.toString(), "--out", out.toString(), "--keyring", keyring.toString());
        assertEquals(1, unseal.exitCode());
        assertEquals("maml: " + sealed + ": payload chunk 1 failed authentication (the container is corrupt, truncated or tampered with)",
                unseal.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void aWrongKeyringFailsWithExitOne() throws IOException {
        seal();
        Path other = dir.resolve("other.json");
        ok(CliRun.of("heads", "init", "--keyring", other.toString()));
        for (String[] args : new String[][] {
                {"unseal", sealed.toString(), "--out", out.toString(), "--keyring", other.toString()},
                {"heads", "check", sealed.toString(), "--keyring", other.toString()},
                {"heads", "rotate", sealed.toString(), "--head", "1", "--keyring", other.toString()}}) {
            CliRun run = CliRun.of(args);
            assertEquals(1, run.exitCode(), String.join(" ", args));
            assertTrue(run.err().contains("sealed for keyring"), run.err());
            noStackTrace(run);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void missingFilesAreExitTwo() {
        CliRun noInput = CliRun.of("seal", "--in", dir.resolve("nope").toString(), "--out", sealed.toString(),
                "--keyring", keyring.toString());
        assertEquals(2, noInput.exitCode());
        assertEquals("maml: " + dir.resolve("nope") + ": no such file", noInput.err().strip());
        assertFalse(Files.exists(sealed));

        CliRun noContainer = CliRun.of("unseal", sealed.toString(), "--out", out.toString(), "--keyring", keyring.toString());
        assertEquals(2, noContainer.exitCode());
        assertTrue(noContainer.err().contains("no such file"), noContainer.err());

        CliRun noKeyring = CliRun.of("heads", "check", plain.toString(), "--keyring", dir.resolve("none.json").toString());
        assertEquals(2, noKeyring.exitCode());
        assertTrue(noKeyring.err().contains("none.json: no such file"), noKeyring.err());
    }

    @Test
    void aFileThatIsNotAContainerIsExitTwo() {
        CliRun run = CliRun.of("unseal", plain.toString(), "--out", out.toString(), "--keyring", keyring.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not a quad-aes-256-gcm container"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aKeyringReadableByOthersIsRefused() throws IOException {
        Files.setPosixFilePermissions(keyring, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun run = CliRun.of("seal", "--in", plain.toString(), "--out", sealed.toString(), "--keyring", keyring.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("keyring is accessible by others (mode rw-r--r--); run: chmod 600"), run.err());
        assertFalse(Files.exists(sealed));
    }

    @Test
    void badNumbersAreUsageErrors() {
        seal();
        CliRun head = CliRun.of("heads", "rotate", sealed.toString(), "--head", "5", "--keyring", keyring.toString());
        assertEquals(2, head.exitCode());
        assertTrue(head.err().contains("--head must be 1..4"), head.err());
        CliRun threshold = CliRun.of("seal", "--in", plain.toString(), "--out", dir.resolve("x").toString(),
                "--keyring", keyring.toString(), "--threshold", "1");
        assertEquals(2, threshold.exitCode());
        assertTrue(threshold.err().contains("--threshold must be 2..4"), threshold.err());
        assertEquals(2, CliRun.of("heads").exitCode());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"seal", "--help"}, {"unseal", "-h"}, {"heads", "--help"},
                {"heads", "init", "--help"}, {"heads", "rotate", "--help"}, {"heads", "check", "--help"}}) {
            CliRun run = ok(CliRun.of(args));
            assertTrue(run.out().startsWith("Usage: maml " + args[0]), run.out());
        }
    }

    private void seal() {
        ok(CliRun.of("seal", "--in", plain.toString(), "--out", sealed.toString(), "--keyring", keyring.toString()));
    }

    private void flip(int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[offset] ^= 1;
        Files.write(sealed, bytes);
    }

    private static CliRun ok(CliRun run) {
        assertEquals(0, run.exitCode(), run.err());
        noStackTrace(run);
        return run;
    }

    private static void noStackTrace(CliRun run) {
        assertFalse(run.err().contains("\tat "), run.err());
    }
}
