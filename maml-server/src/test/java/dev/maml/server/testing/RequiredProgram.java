package dev.maml.server.testing;

import dev.maml.testing.RealParts;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The policy for a real program a test needs (node, npm, prometheus, promtool): without it the test
 * is skipped, so a developer's machine without it still runs the rest, except under CI=true, where a
 * missing program fails the test instead of silently testing less (the policy of {@link RealParts}).
 */
public final class RequiredProgram {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private RequiredProgram() {
    }

    /**
     * Returns when {@code command} (a harmless one such as {@code --version}) starts; otherwise skips
     * or fails the calling test.
     *
     * @param purpose what the program is for, as in "the tests against npm peers"
     */
    public static void check(String purpose, String... command) throws Exception {
        if (ChildProcess.run(Path.of("").toAbsolutePath(), PROBE_TIMEOUT, command) == null) {
            missing(command[0], purpose);
        }
    }

    /** Skips the calling test, or fails it under CI=true ({@link RealParts}): {@code program} is not installed. */
    public static void missing(String program, String purpose) {
        RealParts.missing(program + " is not installed; it is needed for " + purpose);
    }
}
