package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.vocabulary.Vocabulary;
import java.util.List;

/**
 * MAML017: a type outside the known list. Only information: the list will grow, and a document of
 * another type is still read and checked. A value that is not a string at all is MAML018's.
 */
final class UnknownTypeRule extends FrontMatterRule {

    private static final List<String> KNOWN = Vocabulary.documentTypes();

    UnknownTypeRule() {
        super(RuleId.MAML017);
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        YamlNode node = frontMatter.get("type").orElse(null);
        String value = node == null ? null : YamlValues.string(node);
        if (value == null || KNOWN.contains(value)) {
            return;
        }
        String advice = Suggestions.closest(value, KNOWN).map(c -> "; did you mean '" + c + "'?")
                .orElse("; known types: " + String.join(", ", KNOWN));
        context.report(Diagnostic.of(RuleId.MAML017, "type " + YamlValues.describe(node) + " is not a known document type"
                + advice, node.range()));
    }
}
