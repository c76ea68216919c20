package dev.maml.receipt.lint;

import dev.maml.lint.Rule;
import dev.maml.lint.RuleProvider;
import dev.maml.model.FileKind;
import java.util.List;
import java.util.Set;

/** The rules for {@code .mu} receipts (MU001-MU006). Run them on receipts only, not on documents. */
public final class ReceiptRules implements RuleProvider {

    /** For receipts only; {@link java.util.ServiceLoader} creates it (META-INF/services), code calls {@link #all()}. */
    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.RECEIPT);
    }

    @Override
    public List<Rule> rules() {
        return all();
    }

    public static List<Rule> all() {
        return List.of(new ReceiptCheckRule());
    }
}
