package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec section 8 through the real command line, each command in a fresh JVM whose HOME and
 * XDG_CONFIG_HOME are a temporary directory: a cloned repository or a planted subdirectory does not
 * vouch for itself (`verify`, `run`, `receipt verify`), `maml trust allow` does, a store changed since
 * is ignored with a warning, `revoke` takes it back.
 */
class TrustCommandTest {

    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {
    }

    private Result maml(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(ServerProcess.command());
        cmd.remove(cmd.size() - 1); // "lsp": this test runs other subcommands
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("home/.config").toString());
        pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        int code = ChildProcesses.waitFor(pb.start(), ChildProcesses.TIMEOUT, "maml " + String.join(" ", args));
        return new Result(code, Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
                ChildProcesses.withoutJvmNotices(Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8)));
    }

    private Path freshClone() throws IOException {
        return RunFixtures.copyFreshDemo(tmp.resolve("clone"));
    }

    @Test
    void aFreshCloneIsUntrustedUntilItsStoreIsAllowedAndAChangedStoreIsIgnoredUntilAllowedAgain() throws Exception {
        Path doc = freshClone();
        Path project = doc.getParent();
        Result fresh = maml("verify", doc.toString());
        assertEquals(3, fresh.exitCode(), fresh.out() + fresh.err());
        assertTrue(fresh.out().contains(": valid-untrusted: "), fresh.out());
        assertTrue(fresh.err().contains("is not allowed (review its keys, then: maml trust allow "), fresh.err());
        Result run = maml("run", doc.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("untrusted signature") && run.err().contains("maml trust allow"), run.err());

        Result allow = maml("trust", "allow", project.toString());
        assertEquals(0, allow.exitCode(), allow.err());
        assertTrue(allow.out().startsWith("Allowed " + project.toRealPath().resolve(".maml/trusted_keys") + ": 1 key(s): "),
                allow.out());
        Path record = tmp.resolve("home/.config/maml/allowed_stores");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(record)));
        assertEquals(0, maml("verify", doc.toString()).exitCode());
        assertTrue(maml("trust", "list").out().startsWith("allowed  " + project.toRealPath()), "listed as allowed");

        Files.copy(project.resolve("keys/demo-only-drone-security.pub"), project.resolve(".maml/trusted_keys/another.pub"));
        Result changed = maml("verify", doc.toString());
        assertEquals(3, changed.exitCode(), changed.out());
        assertTrue(changed.err().contains("maml: warning: project trust store ") && changed.err().contains("changed since it was"
                + " allowed"), changed.err());
        assertTrue(maml("trust", "list").out().startsWith("changed  "), "listed as changed");
        Result changedRun = maml("run", doc.toString());
        assertEquals(3, changedRun.exitCode(), changedRun.err());
        assertTrue(changedRun.err().contains("maml: warning: project trust store "), changedRun.err());

        assertEquals(0, maml("trust", "allow", project.toString()).exitCode());
        Result ok = maml("run", doc.toString());
        assertEquals(0, ok.exitCode(), ok.err());

        Result revoke = maml("trust", "revoke", project.toString());
        assertEquals(0, revoke.exitCode(), revoke.err());
        assertEquals(3, maml("verify", doc.toString()).exitCode());
        assertEquals(1, maml("trust", "revoke", project.toString()).exitCode(), "nothing left to revoke");
        assertEquals("", maml("trust", "list").out());
    }

    @Test
    void theReadmesFirstCommandNamesTheKeyAndNeedsNoAllow() throws Exception {
        Path doc = freshClone();
        Result run = maml("run", doc.toString(), "--trust", doc.resolveSibling("keys/demo-only-drone-security.pub").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"outcome\" : \"valid\""), run.out());
        assertFalse(Files.exists(tmp.resolve("home/.config/maml/allowed_stores")), "--trust records nothing");
    }

    @Test
    void aPlantedSubdirectoryStoreVouchesForNothingInVerifyRunOrReceiptVerify() throws Exception {
        Path doc = freshClone();
        Path project = doc.getParent();
        assertEquals(0, maml("trust", "allow", project.toString()).exitCode());
        Path sub = Files.createDirectories(project.resolve("contrib/pr"));
        assertEquals(0, maml("keygen", "--out", sub.resolve("attacker").toString()).exitCode());
        Files.createDirectories(sub.resolve(".maml/trusted_keys"));
        Files.copy(sub.resolve("attacker.pub"), sub.resolve(".maml/trusted_keys/attacker.pub"));
        Path planted = sub.resolve("evil.maml.md");
        Files.writeString(planted, RunFixtures.document("workflow", "").replace("---\n## Intent",
                "verification:\n  method: ml-dsa-65\n---\n## Intent"));
        assertEquals(0, maml("sign", planted.toString(), "--key", sub.resolve("attacker.key").toString()).exitCode());

        Result verify = maml("verify", planted.toString());
        assertEquals(3, verify.exitCode(), verify.out());
        assertTrue(verify.err().contains(sub.toRealPath().resolve(".maml/trusted_keys") + " is not allowed"), verify.err());
        Result run = maml("run", planted.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"outcome\" : \"valid-untrusted\""), run.out());

        assertEquals(0, maml("receipt", "create", planted.toString(), "--key", sub.resolve("attacker.key").toString())
                .exitCode());
        Result receipt = maml("receipt", "verify", sub.resolve("evil.mu").toString());
        assertTrue(receipt.out().contains(", untrusted)"), receipt.out());

        Path moved = Files.move(doc, sub.resolve("drone_communication.maml.md"));
        Files.copy(project.resolve("drone_communication_data.csv"), sub.resolve("drone_communication_data.csv"));
        Files.createDirectories(sub.resolve("keys"));
        Files.copy(project.resolve("keys/demo-only-drone-security.pub"), sub.resolve("keys/demo-only-drone-security.pub"));
        assertEquals(0, maml("verify", moved.toString()).exitCode(), "the planted store does not hide the allowed one");
    }

    @Test
    void allowRefusesWhatItCannotPin() throws Exception {
        Path project = freshClone().getParent();
        Result none = maml("trust", "allow", tmp.toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().startsWith("maml: " + tmp + ": no project trust store"), none.err());
        Result pinned = maml("trust", "allow", project.toString(), "--digest", "sha3-256:" + "0".repeat(64));
        assertEquals(1, pinned.exitCode());
        assertTrue(pinned.err().contains("; not allowed"), pinned.err());
        assertFalse(Files.exists(tmp.resolve("home/.config/maml/allowed_stores")));
        String digest = maml("trust", "allow", project.toString()).out().replaceAll("(?s).*; (sha3-256:[0-9a-f]{64})\\s*", "$1");
        assertEquals(0, maml("trust", "allow", project.resolve(".maml/trusted_keys").toString(), "--digest", digest).exitCode(),
                "the store itself may be named, and a matching digest allows");
    }
}
