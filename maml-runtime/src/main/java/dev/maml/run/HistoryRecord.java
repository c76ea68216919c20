package dev.maml.run;

import dev.maml.diagnostic.TextEdit;
import dev.maml.io.AtomicFiles;
import dev.maml.io.FailureText;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.HistoryAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;

/**
 * `--record` (spec section 7): appends `[EXECUTE]` and `[RECEIPT]` History entries to the document,
 * written atomically. This changes the signed bytes: a signed document must be signed again before
 * its next run (the next run refuses it otherwise).
 */
final class HistoryRecord {

    private HistoryRecord() {
    }

    /** The History entries were appended: `recorded`. */
    record Recorded() implements ResultPart {
    }

    static Recorded append(RunContext ctx, MamlDocument doc, Path receipt) throws RunFailure {
        String stamp = ctx.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String eol = doc.text().contains("\r\n") ? "\r\n" : "\n";
        String text = doc.text();
        text = apply(DocumentParser.parse(text), "- " + stamp + ": [EXECUTE] run " + ctx.runId() + " by "
                + ctx.request().identity().uri() + ", status ok", eol);
        text = apply(DocumentParser.parse(text), "- " + stamp + ": [RECEIPT] " + receipt.getFileName(), eol);
        try {
            Path file = ctx.document().toRealPath();
            if (!Files.isWritable(file)) {
                throw new RunFailure(RunFailure.FAILED, file + ": not writable, History not recorded");
            }
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new RunFailure(RunFailure.FAILED, "cannot record History: " + FailureText.of(e));
        }
        return new Recorded();
    }

    private static String apply(MamlDocument doc, String entry, String eol) {
        TextEdit edit = HistoryAppender.append(doc, entry, eol);
        String text = doc.text();
        return text.substring(0, edit.range().start()) + edit.newText() + text.substring(edit.range().end());
    }
}
