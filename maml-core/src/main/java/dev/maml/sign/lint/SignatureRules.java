package dev.maml.sign.lint;

import dev.maml.lint.Rule;
import java.util.List;

/** The signature rules MAML070-073, for the lint engine and the language server. */
public final class SignatureRules {

    private SignatureRules() {
    }

    public static List<Rule> all() {
        return List.of(new SignatureMissingRule(), new SignatureCheckRule(), new LegacyAlgorithmRule());
    }
}
