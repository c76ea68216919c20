package dev.maml.cli;

import dev.maml.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes {@code pre-commit} into the repository's hooks directory ({@code core.hooksPath} when set,
 * as git resolves it). The hook runs the very maml that installed it (this JVM and class path), so
 * it works without maml on the PATH; after moving or upgrading maml, install again.
 */
@Command(name = "install", description = "Install the git pre-commit hook (refuses to replace another hook without --force).")
final class HookInstallCommand implements Callable<Integer> {

    /** The line by which maml recognises its own hook (and may replace it without --force). */
    static final String MARKER = "# maml-lint pre-commit hook, installed by `maml hook install`.";

    @Spec
    CommandSpec spec;

    @Option(names = "-C", paramLabel = "DIR", description = "Run as if maml was started in DIR (as git -C).")
    Path dir = Path.of(".");

    @Option(names = "--force", description = "Replace an existing pre-commit hook that maml did not install.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path top;
        try {
            top = Path.of(Git.text(dir, "rev-parse", "--show-toplevel"));
        } catch (IOException e) {
            spec.commandLine().getErr().println("maml: " + dir + ": not inside a git work tree (" + e.getMessage() + ")");
            return ExitCodes.USAGE;
        }
        // --git-path resolves core.hooksPath (relative to the top of the work tree) and linked worktrees.
        Path hooks = top.resolve(Git.text(top, "rev-parse", "--git-path", "hooks")).normalize();
        Path hook = hooks.resolve("pre-commit");
        if (Files.exists(hook) && !ours(hook) && !force) {
            spec.commandLine().getErr().println("maml: " + hook + " exists and was not installed by maml;"
                    + " use --force to replace it");
            return ExitCodes.USAGE;
        }
        Files.createDirectories(hooks);
        AtomicFiles.write(hook, script().getBytes(StandardCharsets.UTF_8), PosixFilePermissions.fromString("rwxr-xr-x"));
        spec.commandLine().getOut().println("maml: installed " + hook);
        return ExitCodes.OK;
    }

    private static boolean ours(Path hook) throws IOException {
        return new String(Files.readAllBytes(hook), StandardCharsets.ISO_8859_1).contains(MARKER);
    }

    static String script() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return "#!/bin/sh\n"
                + MARKER + "\n"
                + "# Lints the staged content of staged *.maml.md, *.maml.markdown and *.mu files; a commit with\n"
                + "# lint errors is refused. Skip it once with `git commit --no-verify`.\n"
                + "exec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + quote(classPath)
                + " dev.maml.cli.Main hook run\n";
    }

    /** A POSIX shell single-quoted word. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
