package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reports inline directives that do nothing, as ESLint's {@code --report-unused-disable-directives}
 * and Ruff's RUF100 do: MAML080 for a disable (or a name in it) that suppressed no finding in this
 * lint, MAML081 for a name that is no rule id or alias. Each comes with a safe fix that removes the
 * name, or the whole directive when nothing in it is left to do; removing what suppressed nothing
 * brings back no finding, since every suppressed finding is credited to a directive that stays.
 * {@code enable} directives are only checked for unknown names.
 */
final class DirectiveFindings {

    private static final int NAME_SHOWN = 64;

    private final Suppressions suppressions;
    private final LintSettings settings;
    private final String text;
    private final LineIndex lines;

    private DirectiveFindings(Suppressions suppressions, MamlDocument document, LintSettings settings) {
        this.suppressions = suppressions;
        this.settings = settings;
        this.text = document.text();
        this.lines = document.lines();
    }

    /**
     * Reports to {@code out}, one finding at a time (a document of a million directives must not
     * hold a million findings before the per-rule limit drops them). Call after every rule has run:
     * only then is it known which directives were used.
     */
    static void report(Suppressions suppressions, MamlDocument document, LintSettings settings, Consumer<Diagnostic> out) {
        new DirectiveFindings(suppressions, document, settings).report(out);
    }

    private void report(Consumer<Diagnostic> out) {
        for (Directive d : suppressions.directives()) {
            for (Directive.Name name : d.names()) {
                if (name.rule().isEmpty()) {
                    out.accept(unknown(d, name));
                }
            }
            if (d.kind() == Directive.Kind.ENABLE) {
                continue;
            }
            if (d.everyRule()) {
                if (!d.usedAtAll()) {
                    out.accept(Diagnostic.of(RuleId.MAML080, "unused " + label(d) + ": it suppresses no finding "
                            + where(d), d.comment()).withFix(new Fix("Remove the unused directive", removeDirective(d))));
                }
                continue;
            }
            for (Directive.Name name : d.names()) {
                name.rule().filter(rule -> !d.used(rule)).ifPresent(rule -> out.accept(unused(d, name, rule)));
            }
        }
    }

    private Diagnostic unknown(Directive d, Directive.Name name) {
        String message = "'" + shown(name.text()) + "' in " + label(d) + " is not a rule id or alias, so it "
                + (d.kind() == Directive.Kind.ENABLE ? "enables" : "suppresses") + " nothing (maml rules lists them)";
        Fix fix = d.rules().isEmpty()
                ? new Fix("Remove the directive (it names no rule)", removeDirective(d))
                : new Fix("Remove '" + shown(name.text()) + "'", removeName(d, name));
        return Diagnostic.of(RuleId.MAML081, message, name.range()).withFix(fix);
    }

    private Diagnostic unused(Directive d, Directive.Name name, RuleId rule) {
        String why;
        if (!rule.suppressibleInline()) {
            why = rule.id() + " findings cannot be suppressed inline; turn the rule off in .maml-lint.yaml instead";
        } else if (!settings.setting(rule).enabled()) {
            why = rule.id() + " is turned off, so there is nothing to suppress";
        } else {
            why = "it suppresses no " + rule.id() + " finding " + where(d);
        }
        Fix fix = d.usedAtAll()
                ? new Fix("Remove '" + shown(name.text()) + "' from the directive", removeName(d, name))
                : new Fix("Remove the unused directive", removeDirective(d));
        return Diagnostic.of(RuleId.MAML080, "unused " + label(d) + " for " + rule.id() + " (" + rule.alias() + "): " + why,
                name.range()).withFix(fix);
    }

    private static String label(Directive d) {
        return d.kind() == Directive.Kind.FRONT_MATTER ? "# maml-lint-disable-next-line" : "maml-lint-" + d.kind().word();
    }

    private static String where(Directive d) {
        return switch (d.kind()) {
            case DISABLE_FILE -> "in the file";
            case DISABLE -> "where it holds";
            case DISABLE_LINE -> "on its line";
            default -> "on the next line";
        };
    }

    private static String shown(String name) {
        return name.length() <= NAME_SHOWN ? name : name.substring(0, NAME_SHOWN) + "…";
    }

    /**
     * Deletes the name with the separator before it, or, for the first of several names, with the
     * separator after it, so the list stays as it was written ({@code A, B} becomes {@code B}).
     */
    private static List<TextEdit> removeName(Directive d, Directive.Name name) {
        List<Directive.Name> names = d.names();
        int i = names.indexOf(name);
        Range range = i == 0 && names.size() > 1
                ? Range.of(name.range().start(), names.get(1).range().start())
                : Range.of(i == 0 ? d.listStart() : names.get(i - 1).range().end(), name.range().end());
        return List.of(new TextEdit(range, ""));
    }

    /**
     * Deletes the comment; a comment alone on its lines goes with its lines, unless a -next-line
     * directive above points at that line (deleting it would point that one at the following line).
     * Otherwise the blanks before the comment go with it.
     */
    private List<TextEdit> removeDirective(Directive d) {
        int start = d.comment().start();
        int end = d.comment().end();
        int first = lines.lineOf(start);
        int last = lines.lineOf(end);
        int before = start;
        while (before > lines.lineStart(first) && isBlank(text.charAt(before - 1))) {
            before--;
        }
        int after = end;
        while (after < lines.lineEnd(last) && isBlank(text.charAt(after))) {
            after++;
        }
        boolean alone = before == lines.lineStart(first) && after == lines.lineEnd(last);
        if (alone && !suppressions.targetedByNextLine(first)) {
            return List.of(new TextEdit(Range.of(before, lines.nextLineStart(last)), ""));
        }
        return List.of(new TextEdit(Range.of(alone ? start : before, end), ""));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
