package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.rules.Rules;
import dev.maml.model.MamlDocument;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the rules over a parsed document, together with the parser's own findings, and applies the
 * settings (rules off, severities) and the document's inline suppressions, listing at most
 * {@value Findings#MAX_PER_RULE} findings per rule and document (see {@link Findings}). The CLI and the
 * language server both lint through this class, so they always agree.
 */
public final class LintEngine {

    private static final Comparator<Diagnostic> DOCUMENT_ORDER = Comparator
            .comparingInt((Diagnostic d) -> d.range().start())
            .thenComparingInt(d -> d.range().end())
            .thenComparing(d -> d.rule().id());

    private final List<Rule> rules;
    private final Set<RuleId> scope;

    public LintEngine(List<Rule> rules) {
        this(rules, EnumSet.allOf(RuleId.class));
    }

    /**
     * @param scope the only ids this engine reports, the parser's findings included (e.g. a `.mu`
     *              receipt's mirrored body makes section findings meaningless)
     */
    public LintEngine(List<Rule> rules, Set<RuleId> scope) {
        this.rules = List.copyOf(rules);
        this.scope = scope.isEmpty() ? EnumSet.noneOf(RuleId.class) : EnumSet.copyOf(scope);
    }

    /** The engine with every rule of the catalogue. */
    public static LintEngine standard() {
        return new LintEngine(Rules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    public LintResult lint(MamlDocument document, LintSettings settings) {
        Findings findings = new Findings(document, settings, scope);
        LintContext context = new LintContext(document, settings, findings);
        for (Diagnostic d : document.diagnostics()) {
            context.report(d);
        }
        for (Rule rule : rules) {
            if (rule.ids().stream().anyMatch(id -> scope.contains(id) && settings.setting(id).enabled())) {
                rule.check(context);
            }
        }
        List<Diagnostic> out = findings.list();
        out.sort(DOCUMENT_ORDER);
        return new LintResult(document, out);
    }

    /** Every id some rule of this engine (or the parser) can report. */
    public static List<RuleId> catalogue() {
        return List.of(RuleId.values());
    }
}
