package dev.maml.cli.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real git in a temporary repository, isolated from the machine: no system or global
 * configuration and a HOME of its own, so a developer's core.hooksPath, templates or aliases
 * cannot change what a test sees. {@link #maml} runs this build's `maml` in the same environment.
 */
public final class IsolatedGit {

    public record Result(int code, String output) {
    }

    private final Path repo;
    private final Path home;

    public IsolatedGit(Path repo, Path home) {
        this.repo = repo;
        this.home = home;
    }

    /** {@code git init} with a committer and no signing. */
    public static IsolatedGit init(Path repo, Path home) throws IOException, InterruptedException {
        IsolatedGit git = new IsolatedGit(repo, home);
        git.ok("init", "-q");
        git.ok("config", "user.email", "test@example.org");
        git.ok("config", "user.name", "Test");
        git.ok("config", "commit.gpgsign", "false");
        return git;
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

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.remove("GIT_DIR");
        env.remove("GIT_INDEX_FILE");
        env.remove("GIT_WORK_TREE");
        Files.createDirectories(home);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    /** Writes {@code content} to {@code name} in the work tree and stages it. */
    public void stage(String name, String content) throws IOException, InterruptedException {
        Path file = repo.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        ok("add", "--", name);
    }
}
