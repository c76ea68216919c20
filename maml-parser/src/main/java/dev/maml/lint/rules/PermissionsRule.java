package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import dev.maml.yaml.YamlSequence;
import java.util.List;

/**
 * MAML014 and MAML015: permissions is a map of read / write / execute to lists of identities.
 * A wrong shape is an error (MAML014: nobody can tell who is allowed what); an entry that is not an
 * identity URI, or a single word where a list belongs ({@code execute: admin}), is a warning (MAML015):
 * the intent is visible but no identity can ever match it.
 */
final class PermissionsRule extends FrontMatterRule {

    private static final List<String> ACTIONS = List.of("read", "write", "execute");

    PermissionsRule() {
        super(RuleId.MAML014, RuleId.MAML015);
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        YamlNode node = frontMatter.get("permissions").orElse(null);
        if (node == null) {
            return;
        }
        if (!(node instanceof YamlMapping permissions)) {
            context.report(Diagnostic.of(RuleId.MAML014, "permissions " + YamlValues.describe(node)
                    + " is not a map of read, write and execute to lists of identities", node.range()));
            return;
        }
        for (YamlEntry entry : permissions.entries()) {
            String action = entry.key().value();
            if (!ACTIONS.contains(action)) {
                context.report(Diagnostic.of(RuleId.MAML014, "permissions key '" + action
                        + "' is not read, write or execute", entry.key().range()));
            } else {
                checkList(context, "permissions." + action, entry.value());
            }
        }
    }

    private static void checkList(LintContext context, String where, YamlNode value) {
        if (value instanceof YamlSequence list) {
            for (YamlNode item : list.items()) {
                checkEntry(context, where, item);
            }
        } else if (YamlValues.string(value) != null) {
            context.report(Diagnostic.of(RuleId.MAML015, where + " " + YamlValues.describe(value)
                    + " is a single value; expected a list of identities such as [\"agent://NAME\"]", value.range()));
        } else {
            context.report(Diagnostic.of(RuleId.MAML014, where + " " + YamlValues.describe(value)
                    + " is not a list of identities such as [\"agent://NAME\"]", value.range()));
        }
    }

    private static void checkEntry(LintContext context, String where, YamlNode item) {
        if (!(item instanceof YamlScalar)) {
            context.report(Diagnostic.of(RuleId.MAML014, where + " entry " + YamlValues.describe(item)
                    + " is not an identity such as \"agent://NAME\"", item.range()));
            return;
        }
        String value = YamlValues.string(item);
        if (value == null || !Identities.ENTRY.matcher(value).matches()) {
            context.report(Diagnostic.of(RuleId.MAML015, where + " entry " + YamlValues.describe(item)
                    + " is not agent://NAME, gateway://NAME, agent://* or gateway://*", item.range()));
        }
    }
}
