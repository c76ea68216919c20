package dev.maml.cli;

import dev.maml.format.Formatter;
import dev.maml.io.AtomicFiles;
import dev.maml.io.InputFiles;
import dev.maml.lint.fix.ResignAdvice;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.StrictUtf8;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
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
        for (Path file : files) {
            try {
                String text = StrictUtf8.decode(InputFiles.read(file));
                MamlDocument doc = DocumentParser.parse(text);
                String formatted = Formatter.format(doc);
                if (formatted.equals(text)) {
                    continue;
                }
                if (check) {
                    out.println(file + ": would reformat");
                    exit = Math.max(exit, ExitCodes.FAILED);
                    continue;
                }
                // Through symlinks: replace the file the link points to, not the link.
                AtomicFiles.write(file.toRealPath(), formatted);
                out.println("formatted " + file);
                if (ResignAdvice.signed(doc)) {
                    err.println("maml: " + file + ": the signed bytes changed; sign it again (maml sign)");
                }
            } catch (CharacterCodingException e) {
                err.println("maml: " + file + ": not valid UTF-8; left unchanged");
                exit = ExitCodes.USAGE;
            } catch (IOException e) {
                err.println("maml: " + Failures.describe(e));
                exit = ExitCodes.USAGE;
            }
        }
        return exit;
    }
}
