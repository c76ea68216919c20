package dev.maml.cli;

import dev.maml.io.AtomicFiles;
import dev.maml.receipt.DirectoryReceiptStore;
import dev.maml.receipt.ReceiptStore;
import dev.maml.report.Printable;
import dev.maml.server.receipts.DatabaseUrl;
import dev.maml.server.receipts.PostgresReceiptStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `maml receipt export --chain ID --from DIR|JDBC-URL --out DIR`: one document's receipts, first
 * first, as {@code .mu} files in a directory that `maml receipt verify --chain` checks. The store
 * is read, not trusted: nothing here verifies, and a name that is no bare {@code .mu} file name is
 * refused rather than written.
 */
@Command(name = "export", description = {"Write one document's receipt chain from a receipt directory or the"
        + " PostgreSQL store of maml serve into OUT as .mu files, for 'maml receipt verify --chain OUT'.",
        "Exit codes: 0 written, 1 no receipts of that document, 2 usage, I/O or database error."})
final class ReceiptExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--chain", paramLabel = "ID", required = true,
            description = "The document whose chain to export: its id (or file name when it has none).")
    String document;

    @Option(names = "--from", paramLabel = "DIR|JDBC-URL", required = true,
            description = "A receipt directory, or jdbc:postgresql://HOST[:PORT]/DB as given to maml serve --receipts"
                    + " (credentials: PGUSER, PGPASSWORD or the URL's; never printed).")
    String from;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where to write the receipts (created; an existing file of the same name is an error).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (ReceiptStore store = open()) {
            List<ReceiptStore.Stored> chain = store.chain(document);
            if (chain.isEmpty()) {
                err.println("maml: no receipts of document '" + Printable.line(document) + "'");
                return ExitCodes.FAILED;
            }
            Files.createDirectories(out);
            for (ReceiptStore.Stored r : chain) {
                String name = r.name();
                if (!ReceiptStore.isBareName(name) || name.startsWith(".")) {
                    err.println("maml: the store names a receipt '" + Printable.line(name) + "', no bare .mu file name; refused");
                    return ExitCodes.USAGE;
                }
                AtomicFiles.create(out.resolve(name), r.text(), AtomicFiles.OWNER_ONLY);
            }
            EscapingPrintWriter.stdout(spec).println("Wrote " + chain.size() + " receipt(s) of " + document + " to " + out);
            return ExitCodes.OK;
        } catch (FileAlreadyExistsException e) {
            err.println("maml: " + e.getFile() + ": exists; export into an empty directory");
            return ExitCodes.USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("maml: " + Printable.line(e.getMessage()));
            return ExitCodes.USAGE;
        }
    }

    private ReceiptStore open() throws IOException {
        if (DatabaseUrl.names(from)) {
            return PostgresReceiptStore.open(from);
        }
        Path dir = Path.of(from);
        if (!Files.isDirectory(dir)) {
            throw new IOException(from + ": not a directory");
        }
        return new DirectoryReceiptStore(dir);
    }
}
