package dev.maml.lint.fix;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.model.MamlDocument;
import java.util.List;

/**
 * On a signed document every fix is unsafe: the signed bytes are the whole text but the signature
 * line (spec section 8), and no fix edits that line, so any fix breaks the signature. `maml lint
 * --fix` then leaves the document alone unless the user asks for unsafe fixes and signs again.
 */
public final class SignedFixes {

    private SignedFixes() {
    }

    /** The findings with their fixes marked unsafe when {@code doc} is signed ({@link ResignAdvice#signed}). */
    public static List<Diagnostic> marked(MamlDocument doc, List<Diagnostic> diagnostics) {
        if (diagnostics.stream().noneMatch(d -> d.fix() != null && d.fix().safe()) || !ResignAdvice.signed(doc)) {
            return diagnostics;
        }
        return diagnostics.stream().map(d -> d.fix() != null && d.fix().safe() ? d.withFix(d.fix().unsafe()) : d).toList();
    }
}
