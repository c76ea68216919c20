package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.MamlDocument;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the rules report, as it is reported: drops findings of rules that are off, out of
 * scope or suppressed, applies configured severities, and keeps at most {@link #MAX_PER_RULE} per
 * rule. The rest of a rule's findings become one "… and K more" finding at the first one left out,
 * so a pathological document (100,000 misspelt sections) neither floods the output nor the heap.
 */
final class Findings {

    static final int MAX_PER_RULE = 1000;

    private final MamlDocument document;
    private final LintSettings settings;
    private final Set<RuleId> scope;
    private final Suppressions suppressions;
    private final List<Diagnostic> kept = new ArrayList<>();
    private final Map<RuleId, Integer> counts = new EnumMap<>(RuleId.class);
    private final Map<RuleId, Diagnostic> firstLeftOut = new EnumMap<>(RuleId.class);

    Findings(MamlDocument document, LintSettings settings, Set<RuleId> scope) {
        this.document = document;
        this.settings = settings;
        this.scope = scope;
        this.suppressions = Suppressions.of(document);
    }

    void add(Diagnostic d) {
        add(d, true);
    }

    /**
     * The findings about the inline directives themselves (MAML080, MAML081), once every rule has
     * run. They cannot be suppressed inline, as ESLint's unused-directive reports cannot: a
     * directive would otherwise hide its own uselessness; the configuration turns them off.
     */
    void addDirectiveFindings() {
        if (scope.contains(RuleId.MAML080) && settings.setting(RuleId.MAML080).enabled()
                || scope.contains(RuleId.MAML081) && settings.setting(RuleId.MAML081).enabled()) {
            DirectiveFindings.report(suppressions, document, settings, d -> add(d, false));
        }
    }

    private void add(Diagnostic d, boolean suppressible) {
        RuleSetting setting = settings.setting(d.rule());
        if (!scope.contains(d.rule()) || !setting.enabled()
                || suppressible && suppressions.suppressed(d, document.lines())) {
            return;
        }
        Diagnostic finding = setting.severity() == null ? d : d.withSeverity(setting.severity());
        int count = counts.merge(d.rule(), 1, Integer::sum);
        if (count <= MAX_PER_RULE) {
            kept.add(finding);
        } else {
            firstLeftOut.putIfAbsent(d.rule(), finding);
        }
    }

    /**
     * A finding of the engine about a rule ({@link RuleFailures}): kept whatever the settings and
     * suppressions say, since it means findings are missing or were refused, and at its error
     * severity, so a broken rule never passes silently.
     */
    void addEngineFinding(Diagnostic d) {
        kept.add(d);
    }

    /** The findings kept, then one summary per rule that had more than the limit. */
    List<Diagnostic> list() {
        List<Diagnostic> out = new ArrayList<>(kept);
        firstLeftOut.forEach((rule, first) -> {
            int more = counts.get(rule) - MAX_PER_RULE;
            out.add(Diagnostic.of(rule, first.severity(), "… and " + more + " more " + rule.id()
                    + " findings from here on, not listed (at most " + MAX_PER_RULE + " per rule and document)",
                    first.range()));
        });
        return out;
    }
}
