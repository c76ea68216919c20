package dev.maml.sign.lint;

import dev.maml.lint.Rule;
import dev.maml.lint.RuleProvider;
import java.util.List;

/** The signature rules MAML070-073, for documents. */
public final class SignatureRules implements RuleProvider {

    /** For documents; {@link java.util.ServiceLoader} creates it (META-INF/services), code calls {@link #all()}. */
    @Override
    public List<Rule> rules() {
        return all();
    }

    public static List<Rule> all() {
        return List.of(new SignatureMissingRule(), new SignatureCheckRule(), new LegacyAlgorithmRule());
    }
}
