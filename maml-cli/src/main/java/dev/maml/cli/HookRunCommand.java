package dev.maml.cli;

import dev.maml.io.PrivateDirectory;
import dev.maml.lint.config.LintConfigException;
import dev.maml.report.LintReport;
import dev.maml.report.LintedFile;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the installed hook runs. It lints what will be committed: the staged blobs, read by id from
 * the index (which honours the hook's GIT_INDEX_FILE), not the working tree, so an unstaged fix
 * cannot hide a broken staged file. The lint configs come from the index too: its
 * {@code .maml-lint.yaml} files and the YAML files they may extend are checked out into a private
 * temporary directory, and configs are looked up there, never above it, so an unstaged or
 * untracked config cannot switch rules off for the commit.
 */
@Command(name = "run", description = "Lint the staged versions of staged MAML files (what the installed hook runs).")
final class HookRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path top = Path.of(Git.text(Path.of("."), "rev-parse", "--show-toplevel"));
        StagedIndex index = StagedIndex.read(top);
        try (PrivateDirectory configs = PrivateDirectory.create("maml-hook-")) {
            checkOutConfigs(top, index, configs.path());
            return lint(index, configs.path());
        }
    }

    private int lint(StagedIndex index, Path configs) throws IOException {
        FileLinter linter = new FileLinter(Session.builder().configWithin(configs).build());
        List<LintedFile> files = new ArrayList<>();
        for (StagedIndex.Entry entry : index.changed()) {
            if (!entry.regularFile() || FileKind.of(Path.of(entry.path())).isEmpty()) {
                continue;
            }
            try {
                LintedFile file = linter.lint(index.content(entry), entry.path(), configs.resolve(entry.path()));
                if (file != null) {
                    files.add(file);
                }
            } catch (LintConfigException e) {
                // The message names the temporary copy; say which staged file it stands for.
                spec.commandLine().getErr().println("maml: " + e.getMessage().replace(configs + "/", "(staged) "));
                return ExitCodes.USAGE;
            }
        }
        spec.commandLine().getOut().print(LintReport.text(files));
        long errors = LintReport.Summary.of(files).errors();
        if (errors > 0) {
            spec.commandLine().getErr().println("maml: commit refused: " + errors + " lint error" + (errors == 1 ? "" : "s")
                    + " in staged MAML files (fix them and `git add`, or skip once with `git commit --no-verify`)");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** The staged lint configs, and the YAML files they may extend, under {@code into} (a `.git` marks it a repository). */
    private static void checkOutConfigs(Path top, StagedIndex index, Path into) throws IOException {
        Files.createDirectory(into.resolve(".git"));
        StringBuilder paths = new StringBuilder();
        for (StagedIndex.Entry entry : index.entries()) {
            String name = entry.path();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                paths.append(name).append('\0');
            }
        }
        if (paths.length() > 0) {
            Git.run(top, paths.toString().getBytes(StandardCharsets.UTF_8),
                    "checkout-index", "-z", "--stdin", "--prefix=" + into + "/");
        }
    }
}
