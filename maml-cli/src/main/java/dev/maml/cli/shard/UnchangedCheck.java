package dev.maml.cli.shard;

import dev.maml.io.InputFiles;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.receipt.ReceiptChain;
import dev.maml.receipt.ReceiptVerifier;
import dev.maml.receipt.Receipts;
import dev.maml.sign.Digests;
import dev.maml.sign.TrustStore;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * {@code --skip-unchanged}: whether a document ran as it is now. It did when the head of its
 * receipt chain (where the run would write its next receipt) records a run, verifies (digest of
 * the mirrored body, and the signature when it is signed) and names the document's current bytes as
 * its {@code source_sha3_256}. Content, never modification times, decides: a checkout or a copy
 * changes times, not bytes. Receipts are written only for runs that reached the end, so an
 * unchanged document whose last run failed before it is skipped only if an earlier run passed.
 */
public final class UnchangedCheck {

    private final @Nullable Path receiptDir;

    /** @param receiptDir the batch's --receipt-dir, or null: receipts lie next to their documents */
    public UnchangedCheck(@Nullable Path receiptDir) {
        this.receiptDir = receiptDir;
    }

    /** The receipt showing {@code document} ran as it is, or null when it must run. */
    public @Nullable Path receiptFor(Path document) throws IOException {
        byte[] source = InputFiles.read(document);
        MamlDocument doc = DocumentParser.parse(source);
        Path parent = document.getParent();
        Path dir = receiptDir != null ? receiptDir : parent != null ? parent : Path.of("");
        ReceiptChain.Head head = Receipts.head(doc, document, dir);
        if (head == null) {
            return null;
        }
        byte[] bytes = InputFiles.read(head.file());
        if (!Digests.sha3_256Hex(bytes).equals(head.sha3())) {
            return null; // replaced since the chain was read: not the receipt the head stands for
        }
        MamlDocument receipt = DocumentParser.parse(bytes);
        boolean recordsRun = receipt.optionalFrontMatter().flatMap(f -> f.mapping())
                .map(m -> m.get("run").isPresent()).orElse(false);
        // Trust is not asked: the receipt's own signature (if any) and digests show it is intact.
        return recordsRun && ReceiptVerifier.verify(receipt, head.file().getParent(), source, TrustStore.EMPTY).valid()
                ? head.file() : null;
    }
}
