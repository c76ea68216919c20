package dev.maml.cli;

import dev.maml.model.MamlDocument;
import dev.maml.report.Json;
import dev.maml.report.ParseReport;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "parse", description = "Show how the tools read a document: front matter, sections, code blocks, History.")
final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The document to read.")
    Path file;

    @Option(names = "--json", description = "Print the parse tree as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(file)) {
            spec.commandLine().getErr().println("maml: " + file + ": is a directory");
            return ExitCodes.USAGE;
        }
        MamlDocument doc = new Toolchain().parse(Session.standard().read(file));
        String path = file.toString();
        spec.commandLine().getOut().println(json ? Json.pretty(ParseReport.json(path, doc)) : ParseReport.text(path, doc));
        return ExitCodes.OK;
    }
}
