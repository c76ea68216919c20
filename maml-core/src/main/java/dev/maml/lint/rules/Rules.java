package dev.maml.lint.rules;

import dev.maml.lint.Rule;
import java.util.ArrayList;
import java.util.List;

/** The registry of built-in rules, in catalogue order. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>(FrontMatterRules.all());
        rules.addAll(BodyRules.all());
        return List.copyOf(rules);
    }
}
