package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.diagnostic.TextEdit;
import dev.maml.lint.LintContext;
import dev.maml.yaml.ScalarType;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import java.util.Set;

/**
 * MAML011: maml_version must be the quoted string "2.0.0". Older versions the sources used are read
 * (warning, fix: upgrade); an unquoted 2.0.0 is only a style slip (hint, fix: quote it, because an
 * unquoted 2.0 would be a number); anything else is an error.
 */
final class MamlVersionRule extends FrontMatterRule {

    static final String CURRENT = "2.0.0";
    private static final Set<String> OLDER = Set.of("1.0.0", "0.1.0", "2.0");
    private static final String QUOTED_CURRENT = "\"" + CURRENT + "\"";

    MamlVersionRule() {
        super(RuleId.MAML011);
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        YamlEntry entry = frontMatter.entry("maml_version").orElse(null);
        if (entry == null) {
            return;
        }
        YamlNode node = entry.value();
        if (!(node instanceof YamlScalar scalar) || !isVersionText(scalar)) {
            Diagnostic d = Diagnostic.of(RuleId.MAML011, Severity.ERROR, "maml_version " + YamlValues.describe(node)
                    + " is not a MAML version; expected \"" + CURRENT + "\"", YamlValues.marker(entry));
            // An empty value was clearly meant to be filled in; other values may mean something else.
            if (node instanceof YamlScalar empty && empty.type() == ScalarType.NULL) {
                d = d.withFix(Fix.of("Set maml_version to " + QUOTED_CURRENT,
                        YamlValues.replace(context.document(), empty, QUOTED_CURRENT)));
            }
            context.report(d);
            return;
        }
        TextEdit toCurrent = YamlValues.replace(context.document(), scalar, QUOTED_CURRENT);
        String value = scalar.value();
        if (OLDER.contains(value)) {
            context.report(Diagnostic.of(RuleId.MAML011, Severity.WARNING, "maml_version " + value
                    + " is outdated; upgrade to \"" + CURRENT + "\"", scalar.range())
                    .withFix(Fix.of("Upgrade to " + QUOTED_CURRENT, toCurrent)));
        } else if (!CURRENT.equals(value)) {
            context.report(Diagnostic.of(RuleId.MAML011, Severity.ERROR, "maml_version " + YamlValues.describe(scalar)
                    + " is not a version this tool knows; expected \"" + CURRENT + "\"", scalar.range()));
        } else if (!scalar.style().quoted()) {
            context.report(Diagnostic.of(RuleId.MAML011, Severity.HINT, "maml_version " + value
                    + " should be quoted (\"" + CURRENT + "\") so YAML tools read it as a string", scalar.range())
                    .withFix(Fix.of("Quote maml_version", toCurrent)));
        }
    }

    /** A string, or a plain number such as 2.0 that YAML read as a float: both stand for a version. */
    private static boolean isVersionText(YamlScalar scalar) {
        return scalar.type() == ScalarType.STRING || scalar.type() == ScalarType.FLOAT
                || scalar.type() == ScalarType.INTEGER;
    }
}
