package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import dev.maml.io.RefusedFileException;
import dev.maml.quadaes.Keyring;
import dev.maml.quadaes.KeyringException;
import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyring another user can change lets them plant head keys they know (spec 10.2a: refused, as
 * ssh refuses such keys). The audit's case: a keyring owned by someone else, or writable by others.
 */
@EnabledOnOs(OS.LINUX)
class KeyringTrustAttackTest {

    @TempDir
    Path dir;

    private Path keyring() throws IOException {
        Path file = dir.resolve("k.keyring");
        Keyring.generate(new SecureRandom()).create(file);
        return file;
    }

    @Test
    void aKeyringOwnedByAnotherUserIsRefusedEvenWithMode0600() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "only root can give a file to another user");
        Path file = keyring();
        Files.setAttribute(file, "unix:uid", 65534);
        KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(file));
        assertTrue(e.getMessage().contains("owned by uid 65534, not by you"), e.getMessage());
    }

    @Test
    void aKeyringOthersOrTheGroupMayWriteIsRefused() throws Exception {
        Path file = keyring();
        for (String mode : new String[] {"rw--w----", "rw-----w-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            KeyringException e = assertThrows(KeyringException.class, () -> Keyring.load(file), mode);
            assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        }
    }

    @Test
    void aKeyringThatIsAFifoOrDeviceIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("fifo.keyring");
        ChildProcesses.mkfifo(fifo);
        Files.setPosixFilePermissions(fifo, PosixFilePermissions.fromString("rw-------"));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThrows(RefusedFileException.class, () -> Keyring.load(fifo));
            assertThrows(RefusedFileException.class, () -> Keyring.load(Path.of("/dev/zero")));
        });
    }
}
