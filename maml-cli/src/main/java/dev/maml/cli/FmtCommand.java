package dev.maml.cli;

import dev.maml.io.AtomicFiles;
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

@Command(name = "fmt", description = "Format documents canonically (delimiters, a blank line before sections, "
        + "line breaks, final newline); comments and content are kept. Exit 1 with --check when a file would change.")
final class FmtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The documents to format in place.")
    List<Path> files;

    @Option(names = "--check", description = "Change nothing; list the files that would change and exit 1 if any.")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = EscapingPrintWriter.stdout(spec);
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        Toolchain toolchain = new Toolchain();
        Session session = Session.standard();
        for (Path file : files) {
            try {
                Formatted formatted = toolchain.format(session.read(file));
                if (formatted.text() == null) {
                    err.println("maml: " + file + ": not valid UTF-8; left unchanged");
                    exit = ExitCodes.USAGE;
                    continue;
                }
                if (!formatted.changed()) {
                    continue;
                }
                if (check) {
                    out.println(file + ": would reformat");
                    exit = Math.max(exit, ExitCodes.FAILED);
                    continue;
                }
                // Through symlinks: replace the file the link points to, not the link.
                AtomicFiles.write(file.toRealPath(), formatted.text());
                out.println("formatted " + file);
                if (formatted.signed()) {
                    err.println("maml: " + file + ": the signed bytes changed; sign it again (maml sign)");
                }
            } catch (IOException e) {
                err.println("maml: " + Failures.describe(e));
                exit = ExitCodes.USAGE;
            }
        }
        return exit;
    }
}
