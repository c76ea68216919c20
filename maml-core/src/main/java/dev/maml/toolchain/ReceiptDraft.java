package dev.maml.toolchain;

import dev.maml.receipt.ReceiptVerification;
import java.nio.file.Path;

/** A receipt not yet written: where it belongs, its text, and its own check (a receipt that fails it is a bug). */
public record ReceiptDraft(Path file, String text, ReceiptVerification check) {
}
