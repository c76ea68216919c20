package dev.maml.lint.rules;

import dev.maml.lint.Rule;
import java.util.List;

/** The registry of built-in rules, in catalogue order. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
