package dev.maml.receipt.lint;

import dev.maml.lint.Rule;
import java.util.List;

/** The rules for {@code .mu} receipts (MU001-MU006). Run them on receipts only, not on documents. */
public final class ReceiptRules {

    private ReceiptRules() {
    }

    public static List<Rule> all() {
        return List.of(new ReceiptCheckRule());
    }
}
