package dev.maml.cli.security;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real git in a temporary repository, isolated from the machine: no system or global
 * configuration, no configuration passed in the environment, and a HOME of its own, so a developer's
 * core.hooksPath, templates or aliases cannot change what a test sees, and a test cannot write into
 * the developer's own hooks. Every test that runs git (or a maml command that runs git) goes
 * through this class. {@link #maml} runs this build's `maml` in the same environment.
 */
public final class IsolatedGit {

    public record Result(int code, String output) {
    }

    /** Environment variables through which git reads configuration or a repository from outside the test. */
    private static final List<String> OUTSIDE = List.of("GIT_CONFIG", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_PARAMETERS",
            "GIT_CONFIG_COUNT", "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
            "GIT_TEMPLATE_DIR", "GIT_EXEC_PATH");

    private final Path repo;
    private final Path home;
    private final Map<String, String> machine;

    public IsolatedGit(Path repo, Path home) {
        this(repo, home, System.getenv());
    }

    /** Isolated from {@code machine}, the environment the tests run in (a test may stand in a machine of its own). */
    public IsolatedGit(Path repo, Path home, Map<String, String> machine) {
        this.repo = repo;
        this.home = home;
        this.machine = Map.copyOf(machine);
    }

    /** {@code git init} with a committer and no signing. */
    public static IsolatedGit init(Path repo, Path home) throws IOException, InterruptedException {
        return new IsolatedGit(repo, home).init();
    }

    /** {@code git init} of this repository with a committer and no signing. */
    public IsolatedGit init() throws IOException, InterruptedException {
        ok("init", "-q");
        ok("config", "user.email", "test@example.org");
        ok("config", "user.name", "Test");
        ok("config", "commit.gpgsign", "false");
        return this;
    }

    public Result git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(command);
    }

    public void ok(String... args) throws IOException, InterruptedException {
        Result r = git(args);
        if (r.code() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + ": " + r.output());
        }
    }

    /** This build's `maml` as a separate process (the hook's environment, not the test JVM's). */
    public Result maml(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.maml.cli.Main"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Any program (the pre-commit framework, say) in the same environment, for at most {@code timeout}. */
    public Result program(Duration timeout, String... command) throws IOException, InterruptedException {
        return run(List.of(command), timeout);
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, ChildProcesses.TIMEOUT);
    }

    private Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(machine);
        OUTSIDE.forEach(env::remove);
        env.keySet().removeIf(name -> name.startsWith("GIT_CONFIG_KEY_") || name.startsWith("GIT_CONFIG_VALUE_"));
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        Files.createDirectories(home);
        ChildProcesses.Finished finished = ChildProcesses.run(pb, timeout);
        return new Result(finished.code(), finished.output());
    }

    /** Writes {@code content} to {@code name} in the work tree and stages it. */
    public void stage(String name, String content) throws IOException, InterruptedException {
        Path file = repo.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        ok("add", "--", name);
    }
}
