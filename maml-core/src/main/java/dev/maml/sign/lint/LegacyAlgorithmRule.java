package dev.maml.sign.lint;

import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.ContextEntry;
import dev.maml.model.Range;
import dev.maml.sign.Algorithm;
import dev.maml.sign.VerificationBlock;
import java.util.List;

/**
 * MAML073: "Dilithium2/3/5" and "crystals-dilithium" are read as ML-DSA-44/65/87 (FIPS 204), which is
 * not byte-compatible with round-3 Dilithium; the fix writes the FIPS name. Checked in
 * verification.method and in a Context line "signature_algorithm: …" (the run parameter).
 */
final class LegacyAlgorithmRule implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML073);
    }

    @Override
    public void check(LintContext context) {
        VerificationBlock.of(context.document()).filter(b -> b.method() != null).ifPresent(b -> {
            String lexical = b.method().lexical();
            Range range = Range.of(b.method().range().start(), b.method().range().start() + lexical.length());
            report(context, b.method().value(), range, b.signed()
                    ? " (the document is signed: renaming changes the signed bytes, so re-sign afterwards)" : "");
        });
        for (ContextEntry e : context.document().context()) {
            if (e.key().equals("signature_algorithm")) {
                report(context, e.value().strip(), e.valueRange(), "");
            }
        }
    }

    private static void report(LintContext context, String name, Range range, String note) {
        if (!Algorithm.isLegacyName(name)) {
            return;
        }
        Algorithm a = Algorithm.resolve(name).orElseThrow();
        context.report(RuleId.MAML073, "'" + name + "' is read as " + a + " (FIPS 204), which is not byte-compatible "
                + "with round-3 Dilithium; write " + a.id() + note, range,
                Fix.of("Rename to " + a.id(), new TextEdit(range, a.id())));
    }
}
