package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;

/** MAML013: origin names one identity, agent://NAME or gateway://NAME (spec section 5). */
final class OriginUriRule extends FrontMatterRule {

    OriginUriRule() {
        super(RuleId.MAML013);
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        YamlEntry entry = frontMatter.entry("origin").orElse(null);
        if (entry == null) {
            return;
        }
        YamlNode node = entry.value();
        String value = YamlValues.string(node);
        if (value != null && Identities.ONE.matcher(value).matches()) {
            return;
        }
        String hint = value != null && Identities.NAME.matcher(value).matches()
                ? "; write agent://" + value + " or gateway://" + value
                : "";
        context.report(Diagnostic.of(RuleId.MAML013, "origin " + YamlValues.describe(node)
                + " is not agent://NAME or gateway://NAME" + hint, YamlValues.marker(entry)));
    }
}
