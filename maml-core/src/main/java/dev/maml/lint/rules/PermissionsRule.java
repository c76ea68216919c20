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
        YamlEntry entry = frontMatter.entry("permissions").orElse(null);
        if (entry == null) {
            return;
        }
        YamlNode node = entry.value();
        if (!(node instanceof YamlMapping permissions)) {
            context.report(Diagnostic.of(RuleId.MAML014, "permissions " + YamlValues.describe(node)
                    + " is not a map of read, write and execute to lists of identities", YamlValues.marker(entry)));
            return;
        }
        for (YamlEntry action : permissions.entries()) {
            String name = action.key().value();
            if (!ACTIONS.contains(name)) {
                context.report(Diagnostic.of(RuleId.MAML014, "permissions key '" + name
                        + "' is not read, write or execute", action.key().range()));
            } else {
                checkList(context, "permissions." + name, action);
            }
        }
    }

    private static void checkList(LintContext context, String where, YamlEntry entry) {
        YamlNode value = entry.value();
        if (value instanceof YamlSequence list) {
            for (YamlNode item : list.items()) {
                checkEntry(context, where, item);
            }
        } else if (YamlValues.string(value) != null) {
            context.report(Diagnostic.of(RuleId.MAML015, where + " " + YamlValues.describe(value)
                    + " is a single value; expected a list of identities such as [\"agent://NAME\"]",
                    YamlValues.marker(entry)));
        } else {
            context.report(Diagnostic.of(RuleId.MAML014, where + " " + YamlValues.describe(value)
                    + " is not a list of identities such as [\"agent://NAME\"]", YamlValues.marker(entry)));
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
