package dev.maml.sign.lint;

import dev.maml.lint.Rule;
import dev.maml.lint.RuleProvider;
import dev.maml.linting.FileKind;
import java.util.List;
import java.util.Set;

/** The signature rules MAML070-073, for documents. */
public final class SignatureRules implements RuleProvider {

    /** For {@link java.util.ServiceLoader} (META-INF/services); code calls {@link #all()}. */
    public SignatureRules() {
        // stateless
    }

    @Override
    public Set<FileKind> kinds() {
        return Set.of(FileKind.DOCUMENT);
    }

    @Override
    public List<Rule> rules() {
        return all();
    }

    public static List<Rule> all() {
        return List.of(new SignatureMissingRule(), new SignatureCheckRule(), new LegacyAlgorithmRule());
    }
}
