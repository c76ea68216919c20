package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.fix.SignedFixes;
import dev.maml.model.FileKind;
import dev.maml.model.MamlDocument;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the rules over a parsed document, together with the parser's own findings, and applies the
 * settings (rules off, severities) and the document's inline suppressions, listing at most
 * {@value Findings#MAX_PER_RULE} findings per rule and document (see {@link Findings}). The CLI and the
 * language server both lint through this class, so they always agree.
 * <p>
 * As markdownlint's {@code onError} does, the engine holds each rule to its word: a report under an
 * id the rule does not declare is refused, and a rule that throws does not abort the lint; both
 * become an error finding that names the rule ({@link RuleFailures}).
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

    /** The engine {@code maml lint} uses for documents: every installed provider's document rules. */
    public static LintEngine standard() {
        return new LintEngine(RuleProviders.installed().rules(FileKind.DOCUMENT));
    }

    public List<Rule> rules() {
        return rules;
    }

    public LintResult lint(MamlDocument document, LintSettings settings) {
        Findings findings = new Findings(document, settings, scope);
        LintContext context = new LintContext(document, settings, findings);
        for (Diagnostic d : document.diagnostics()) {
            findings.add(d);
        }
        for (Rule rule : rules) {
            firstActive(rule, settings).ifPresent(own -> run(rule, own, context, findings));
        }
        findings.addDirectiveFindings();
        List<Diagnostic> out = findings.list();
        out.sort(DOCUMENT_ORDER);
        return new LintResult(document, SignedFixes.marked(document, out));
    }

    /** The rule's first id that this engine reports and the settings leave on; empty: the rule need not run. */
    private Optional<RuleId> firstActive(Rule rule, LintSettings settings) {
        return rule.ids().stream().filter(id -> scope.contains(id) && settings.setting(id).enabled()).findFirst();
    }

    /**
     * Runs one rule, reporting under {@code own} (its first id this lint reports) what goes wrong:
     * a RuntimeException is a bug in the rule, a StackOverflowError a rule recursing too deep on
     * this document; either costs that rule's remaining findings, not the other rules'. Other errors
     * (out of memory) leave the JVM in no state to go on, so they are not caught.
     */
    private static void run(Rule rule, RuleId own, LintContext context, Findings findings) {
        context.running(rule, own);
        try {
            rule.check(context);
        } catch (RuntimeException | StackOverflowError e) {
            findings.addEngineFinding(RuleFailures.threw(rule, own, e));
        } finally {
            context.running(null, null);
        }
    }

    /** Every id some rule of this engine (or the parser) can report. */
    public static List<RuleId> catalogue() {
        return List.of(RuleId.values());
    }
}
