package dev.maml.lint.rules;

import dev.maml.lint.Rule;
import dev.maml.lint.RuleProvider;
import java.util.ArrayList;
import java.util.List;

/** The built-in document rules (front matter, sections, code, schema, History), in catalogue order. */
public final class Rules implements RuleProvider {

    /** For documents; {@link java.util.ServiceLoader} creates it (META-INF/services), code calls {@link #all()}. */
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
