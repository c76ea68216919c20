package dev.maml.lint.rules;

import dev.maml.lint.Rule;
import java.util.List;

/** The rules about front matter (spec section 3). */
final class FrontMatterRules {

    private FrontMatterRules() {
    }

    static List<Rule> all() {
        return List.of();
    }
}
