package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.rules.Rules;
import dev.maml.model.MamlDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the rules over a parsed document, together with the parser's own findings, and applies the
 * settings (rules off, severities). The CLI and the language server both lint through this class,
 * so they always agree.
 */
public final class LintEngine {

    private static final Comparator<Diagnostic> DOCUMENT_ORDER = Comparator
            .comparingInt((Diagnostic d) -> d.range().start())
            .thenComparingInt(d -> d.range().end())
            .thenComparing(d -> d.rule().id());

    private final List<Rule> rules;

    public LintEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The engine with every rule of the catalogue. */
    public static LintEngine standard() {
        return new LintEngine(Rules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    public LintResult lint(MamlDocument document, LintSettings settings) {
        LintContext context = new LintContext(document, settings);
        for (Diagnostic d : document.diagnostics()) {
            context.report(d);
        }
        for (Rule rule : rules) {
            if (rule.ids().stream().anyMatch(id -> settings.setting(id).enabled())) {
                rule.check(context);
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : context.findings()) {
            RuleSetting setting = settings.setting(d.rule());
            if (setting.enabled()) {
                out.add(setting.severity() == null ? d : d.withSeverity(setting.severity()));
            }
        }
        out.sort(DOCUMENT_ORDER);
        return new LintResult(document, out);
    }

    /** Every id some rule of this engine (or the parser) can report. */
    public static List<RuleId> catalogue() {
        return List.of(RuleId.values());
    }
}
