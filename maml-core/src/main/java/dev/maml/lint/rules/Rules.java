package dev.maml.lint.rules;

import dev.maml.lint.Rule;
import dev.maml.lint.RuleProvider;
import dev.maml.linting.FileKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The built-in document rules (front matter, sections, code, schema, History), in catalogue order. */
public final class Rules implements RuleProvider {

    /** For {@link java.util.ServiceLoader} (META-INF/services); code calls {@link #all()}. */
    public Rules() {
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
        List<Rule> rules = new ArrayList<>(FrontMatterRules.all());
        rules.addAll(BodyRules.all());
        return List.copyOf(rules);
    }
}
