package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.FrontMatter;
import dev.maml.yaml.YamlMapping;
import java.util.List;

/**
 * A rule about the front matter's keys. It runs only when the front matter was read as a mapping:
 * otherwise the parser has already said why (MAML001-006) and anything more would be noise.
 */
abstract class FrontMatterRule implements Rule {

    private final List<RuleId> ids;

    FrontMatterRule(RuleId... ids) {
        this.ids = List.of(ids);
    }

    @Override
    public final List<RuleId> ids() {
        return ids;
    }

    @Override
    public final void check(LintContext context) {
        context.document().optionalFrontMatter().flatMap(FrontMatter::mapping).ifPresent(m -> check(context, m));
    }

    abstract void check(LintContext context, YamlMapping frontMatter);
}
