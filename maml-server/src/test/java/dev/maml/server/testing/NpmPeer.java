package dev.maml.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.testing.TestData;
import dev.maml.testing.ChildProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * A test peer from npm, pinned in {@code interop/<name>/package-lock.json}. Without node and npm the
 * tests that need it are skipped, except under CI=true, where they fail ({@link RequiredProgram}).
 */
public final class NpmPeer {

    private static final String PURPOSE = "the tests against npm peers";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Set<Path> INSTALLED = new HashSet<>();

    private NpmPeer() {
    }

    /** The peer's directory, after {@code npm ci} (once per test JVM). */
    public static synchronized Path installed(String name) throws Exception {
        Path dir = TestData.repositoryRoot().resolve("interop").resolve(name);
        if (INSTALLED.contains(dir)) {
            return dir;
        }
        RequiredProgram.check(PURPOSE, "node", "--version");
        ChildProcesses.Finished npm = ChildProcess.run(dir, INSTALL_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund");
        if (npm == null) {
            RequiredProgram.missing("npm", PURPOSE);
        }
        assertEquals(0, npm.code(), "npm ci in interop/" + name + " failed: " + npm.output());
        INSTALLED.add(dir);
        return dir;
    }
}
