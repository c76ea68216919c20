package dev.maml.cli;

import dev.maml.lint.config.ConfigResolver;
import dev.maml.lint.config.LintConfigException;
import dev.maml.linting.FileKind;
import dev.maml.report.LintReport;
import dev.maml.report.LintedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the installed hook runs. It lints what will be committed, the staged blobs ({@code git show
 * :path}, through git's index, which honours the hook's GIT_INDEX_FILE), not the working tree, so an
 * unstaged fix cannot hide a broken staged file. Configs and ignores come from the working tree.
 */
@Command(name = "run", description = "Lint the staged versions of staged MAML files (what the installed hook runs).")
final class HookRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path top = Path.of(Git.text(Path.of("."), "rev-parse", "--show-toplevel"));
        byte[] listing = Git.run(top, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR");
        FileLinter linter = new FileLinter(ConfigResolver.discovering());
        List<LintedFile> files = new ArrayList<>();
        for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
            if (name.isEmpty() || FileKind.of(Path.of(name)).isEmpty()) {
                continue;
            }
            byte[] staged = Git.run(top, "show", ":" + name);
            try {
                LintedFile file = linter.lint(staged, name, top.resolve(name));
                if (file != null) {
                    files.add(file);
                }
            } catch (LintConfigException e) {
                spec.commandLine().getErr().println("maml: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        spec.commandLine().getOut().print(LintReport.text(files));
        spec.commandLine().getOut().flush();
        long errors = LintReport.Summary.of(files).errors();
        if (errors > 0) {
            spec.commandLine().getErr().println("maml: commit refused: " + errors + " lint error" + (errors == 1 ? "" : "s")
                    + " in staged MAML files (fix them and `git add`, or skip once with `git commit --no-verify`)");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
