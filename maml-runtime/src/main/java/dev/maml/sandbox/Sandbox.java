package dev.maml.sandbox;

import dev.maml.report.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs code blocks with bubblewrap plus rlimits (spec section 6): one sandbox, one OS process tree,
 * per block. Obtain one with {@link #detect()}; it is stateless and safe to use from many threads.
 */
public final class Sandbox {

    static final String INSTALL_HINT = "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap;"
            + " Fedora: dnf install bubblewrap; Arch: pacman -S bubblewrap)";

    private static final Limits PROBE_LIMITS = Limits.DEFAULT.withWall(Duration.ofSeconds(20));
    /** How long the stream readers may take to see EOF once the sandbox is gone. */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);
    /** How long bwrap may take to exit after its pid 1 was killed. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final Path HOST_ROOT = Path.of("/");

    private final SandboxTools tools;
    private final Path workDir;

    private Sandbox(SandboxTools tools, Path workDir) {
        this.tools = tools;
        this.workDir = workDir;
    }

    /** Looks for bwrap on PATH (then /usr/bin/bwrap) and checks that it can build a sandbox here. */
    public static Detection detect() {
        return detect(HostPrograms.find("bwrap").orElse(Path.of("/usr/bin/bwrap")));
    }

    /** Like {@link #detect()} with the bwrap binary given. */
    public static Detection detect(Path bwrap) {
        if (!Files.isRegularFile(bwrap) || !Files.isExecutable(bwrap)) {
            return Detection.refused("no sandbox: bubblewrap (bwrap) was not found at " + bwrap + "; " + INSTALL_HINT);
        }
        Optional<Path> prlimit = HostPrograms.system("prlimit");
        if (prlimit.isEmpty()) {
            return Detection.refused("no sandbox: prlimit (util-linux) was not found in /usr/bin or /bin;"
                    + " install util-linux");
        }
        Optional<Path> setpriv = Optional.empty();
        if (HostPrograms.runningAsRoot()) {
            setpriv = HostPrograms.system("setpriv");
            if (setpriv.isEmpty()) {
                return Detection.refused("no sandbox: running as root needs setpriv (util-linux) to start"
                        + " bubblewrap as nobody; install util-linux");
            }
        }
        Sandbox sandbox = new Sandbox(new SandboxTools(bwrap, prlimit.get().toString(), setpriv),
                Path.of(System.getProperty("java.io.tmpdir")));
        return sandbox.probe();
    }

    /** Runs an empty block: namespaces may be disabled (sysctl, AppArmor, a container's seccomp). */
    private Detection probe() {
        try {
            BlockResult result = run(Language.SH, "exit 0\n", null, PROBE_LIMITS);
            if (result.ok()) {
                return Detection.available(this);
            }
            // bwrap's own last words say why, e.g. "No permissions to creating new namespace, likely because
            // the kernel does not allow non-privileged user namespaces"
            String why = result.stderrTail().strip();
            return Detection.refused("no sandbox: bubblewrap at " + tools.bwrap() + " cannot create one here: "
                    + (why.isEmpty() ? result.detail() : why.lines().reduce((first, last) -> last).orElse(why)));
        } catch (IOException e) {
            return Detection.refused("no sandbox: cannot start bubblewrap at " + tools.bwrap() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Detection.refused("no sandbox: interrupted while checking bubblewrap");
        }
    }

    /**
     * Runs {@code code} in {@code language} with {@code input} (null: {@code {}}) as JSON on stdin.
     * Whatever the block does, this returns once bwrap has exited, and with it every process of the
     * sandbox (see {@link #kill}).
     *
     * @throws IOException          when the block cannot be written to a temp file or bwrap cannot be started
     * @throws InterruptedException when the calling thread is interrupted; the sandbox is killed first
     */
    public BlockResult run(Language language, String code, JsonNode input, Limits limits)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workDir, "maml-block-");
        try {
            // nobody (the sandbox user outside, when we are root) must reach and read the code file
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            Path block = Files.writeString(dir.resolve("block"), code, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(block, PosixFilePermissions.fromString("rw-r--r--"));
            return execute(BwrapCommand.build(tools, HOST_ROOT, limits, language, block), input, limits);
        } finally {
            Files.deleteIfExists(dir.resolve("block"));
            Files.deleteIfExists(dir);
        }
    }

    private BlockResult execute(List<String> command, JsonNode input, Limits limits)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(HOST_ROOT.toFile());
        builder.environment().clear(); // nothing of ours reaches even bwrap; --clearenv covers the inside
        long start = System.nanoTime();
        Process process = builder.start();
        AtomicReference<Kill> kill = new AtomicReference<>();
        Capture stdout = Capture.head(limits.outputBytes());
        Capture stderr = Capture.tail(limits.stderrTailBytes());
        Thread out = daemon("maml-sandbox-stdout", new Drain(process.getInputStream(), stdout, limits.outputBytes(),
                () -> kill(process, kill, Kill.STDOUT)));
        Thread err = daemon("maml-sandbox-stderr", new Drain(process.getErrorStream(), stderr, limits.outputBytes(),
                () -> kill(process, kill, Kill.STDERR)));
        daemon("maml-sandbox-stdin", () -> feed(process, input));
        try {
            if (!process.waitFor(limits.wall().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process, kill, Kill.WALL);
                process.waitFor();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.join(DRAIN_GRACE.toMillis());
            err.join(DRAIN_GRACE.toMillis());
            return Outcome.of(process.exitValue(), kill.get(), limits, stdout, stderr, millis);
        } catch (InterruptedException e) {
            kill(process, kill, Kill.WALL);
            throw e;
        }
    }

    /**
     * SIGKILL to the sandbox's pid 1 (bwrap's only child): the kernel kills every process of its pid
     * namespace, and pid 1 is gone only once they all are; bwrap then exits, reporting it. Should
     * bwrap not follow (pid 1 not started yet), bwrap is killed, and --die-with-parent does the rest.
     */
    private static void kill(Process process, AtomicReference<Kill> reason, Kill why) {
        reason.compareAndSet(null, why);
        process.toHandle().children().forEach(ProcessHandle::destroyForcibly);
        try {
            if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void feed(Process process, JsonNode input) {
        JsonNode json = input == null ? JsonNodeFactory.instance.objectNode() : input;
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((Json.compact(json) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the block ended or closed stdin without reading it all: its choice
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Why the runtime killed a sandbox. */
    enum Kill {
        WALL, STDOUT, STDERR
    }
}
