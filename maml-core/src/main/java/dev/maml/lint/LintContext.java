package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.trust.TrustSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a rule sees while it runs: the document, its settings, and a place to report findings. A
 * report is accepted only under an id the running rule declares ({@link Rule#ids()}); any other is
 * refused and turned into one finding per rule and foreign id that names the rule (markdownlint's
 * {@code onError} validation), so a finding is always attributable to the rule that owns its id.
 */
public final class LintContext {

    private final MamlDocument document;
    private final LintSettings settings;
    private final Findings findings;
    private Rule running;
    private RuleId own;
    private Set<RuleId> declared = Set.of();
    private final Set<RuleId> refused = EnumSet.noneOf(RuleId.class);

    LintContext(MamlDocument document, LintSettings settings, Findings findings) {
        this.document = document;
        this.settings = settings;
        this.findings = findings;
    }

    public MamlDocument document() {
        return document;
    }

    /** The document's file, or null for a buffer that has none. */
    public Path documentPath() {
        return settings.documentPath();
    }

    /** The keys and stores the person linting trusts, for the signature check. */
    public TrustSettings trust() {
        return settings.trust();
    }

    public Map<String, Object> options(RuleId id) {
        return settings.setting(id).options();
    }

    public void report(RuleId id, String message, Range range) {
        report(Diagnostic.of(id, message, range));
    }

    public void report(RuleId id, String message, Range range, Fix fix) {
        report(Diagnostic.of(id, message, range).withFix(fix));
    }

    public void report(Diagnostic diagnostic) {
        if (declared.contains(diagnostic.rule())) {
            findings.add(diagnostic);
        } else if (refused.add(diagnostic.rule())) {
            findings.addEngineFinding(RuleFailures.foreignId(running, own, diagnostic.rule()));
        }
    }

    /** The rule whose reports follow ({@code null} when none runs), and the id its failures go under. */
    void running(Rule rule, RuleId ownId) {
        running = rule;
        own = ownId;
        declared = rule == null ? Set.of() : EnumSet.copyOf(rule.ids());
        refused.clear();
    }
}
