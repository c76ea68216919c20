package dev.maml.sign.lint;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.Range;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import dev.maml.sign.VerificationBlock;
import dev.maml.trust.UserConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MAML071 (the signature does not verify, or cannot be checked) and MAML072 (it verifies, but the key
 * is in no trust store), from the same check as {@code maml verify}. Relative public_key paths and
 * the allowed project trust stores are found from the document's path; a buffer without one only checks
 * base64: keys against the user's trust store. The front end's {@link dev.maml.trust.TrustSettings}
 * ({@link LintContext#trust()}) add keys, as `maml verify --trust` does, and turn project stores off
 * for an editor's untrusted workspace; a lint config cannot, as trust is not the repository's to give.
 */
final class SignatureCheckRule implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML071, RuleId.MAML072);
    }

    @Override
    public void check(LintContext context) {
        VerificationBlock block = VerificationBlock.of(context.document()).orElse(null);
        if (block == null || !block.signed() && block.problem() == null) {
            return;
        }
        Path dir = context.documentPath() == null ? null : context.documentPath().toAbsolutePath().normalize().getParent();
        TrustStore trust;
        try {
            trust = TrustStore.standard(UserConfig.fromEnvironment(), dir, context.trust());
        } catch (IOException e) {
            trust = TrustStore.EMPTY; // an unlistable trust directory trusts nothing
        }
        Verification v = DocumentVerifier.verify(context.document(), dir, trust);
        Range where = block.signature() != null ? block.signature().range() : block.entry().key().range();
        switch (v.outcome()) {
            case INVALID, MALFORMED -> context.report(RuleId.MAML071, v.reason() + "; re-sign with: maml sign FILE --key KEY", where);
            case VALID_UNTRUSTED -> context.report(RuleId.MAML072, "signed by key " + v.keyId()
                    + ", which is in no trust store (trust it with --trust KEY.pub or in ~/.config/maml/trusted_keys/, or allow"
                    + " a project store with maml trust allow)" + trust.advice()
                    + trust.warnings().stream().map(w -> "; " + w).collect(Collectors.joining()), where);
            default -> {
            }
        }
    }
}
