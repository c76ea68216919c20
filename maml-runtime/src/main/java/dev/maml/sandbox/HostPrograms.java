package dev.maml.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finding the host programs the sandbox needs, and who we run as. */
final class HostPrograms {

    private HostPrograms() {
    }

    /** {@code name} on PATH, like {@code command -v}. */
    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(HostPrograms::executable)
                .findFirst();
    }

    /** {@code name} in /usr/bin or /bin: directories the sandbox's read-only system view also has. */
    static Optional<Path> system(String name) {
        return Stream.of(Path.of("/usr/bin", name), Path.of("/bin", name)).filter(HostPrograms::executable).findFirst();
    }

    /**
     * Whether this process has effective uid 0 (the owner of /proc/self). When that cannot be told,
     * the answer is yes: the stricter sandbox (start bwrap as nobody) either works or is refused.
     */
    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
