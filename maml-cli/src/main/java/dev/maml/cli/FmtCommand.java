package dev.maml.cli;

import dev.maml.io.AtomicFiles;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Formatted;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fmt", description = "Format documents canonically (delimiters, blank lines around headings, fences and lists, "
        + "trailing blanks, line breaks, final newline), so markdownlint's layout rules pass; comments and content are kept."
        + " Exit 1 with --check when a file would change.",
        footerHeading = "%nExamples:%n", footer = {
        "  maml fmt .",
        "  maml fmt --check 'docs/**/*.maml.md' '!docs/drafts/**'",
        "See docs/lint.md, \"maml fmt and markdownlint\"."})
final class FmtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = {"The documents to format in place: files, directories "
            + "(searched for *.maml.md and *.maml.markdown) and quoted glob patterns; '!PATTERN' leaves out what it matches.",
            "A directory or pattern that matches no document is an error."})
    List<String> paths;

    @Option(names = "--no-ignore", description = "Format what .gitignore files leave out.")
    boolean noIgnore;

    @Option(names = "--check", description = "Change nothing; list the files that would change and exit 1 if any.")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = EscapingPrintWriter.stdout(spec);
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        Toolchain toolchain = new Toolchain();
        Session session = Session.standard();
        LintTargets found = LintTargets.select(paths, !noIgnore, file -> FileKind.of(file).orElse(null) == FileKind.DOCUMENT);
        for (String message : found.errors) {
            err.println("maml: " + message);
            exit = ExitCodes.USAGE;
        }
        found.notices.forEach(n -> err.println("maml: " + n));
        for (String message : found.unmatched(found.targets)) {
            err.println("maml: " + message);
            exit = ExitCodes.USAGE;
        }
        for (LintTargets.Target target : found.targets) {
            Path file = target.file();
            String name = target.display();
            try {
                Formatted formatted = toolchain.format(session.read(file));
                if (formatted.text() == null) {
                    err.println("maml: " + name + ": not valid UTF-8; left unchanged");
                    exit = ExitCodes.USAGE;
                    continue;
                }
                if (!formatted.changed()) {
                    continue;
                }
                if (check) {
                    out.println(name + ": would reformat");
                    exit = Math.max(exit, ExitCodes.FAILED);
                    continue;
                }
                // Through symlinks: replace the file the link points to, not the link.
                AtomicFiles.write(file.toRealPath(), formatted.text());
                out.println("formatted " + name);
                if (formatted.signed()) {
                    err.println("maml: " + name + ": the signed bytes changed; sign it again (maml sign)");
                }
            } catch (IOException e) {
                err.println("maml: " + Failures.describe(e));
                exit = ExitCodes.USAGE;
            }
        }
        return exit;
    }
}
