package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.trust.TrustSettings;
import java.nio.file.Path;
import java.util.Map;

/** What a rule sees while it runs: the document, its settings, and a place to report findings. */
public final class LintContext {

    private final MamlDocument document;
    private final LintSettings settings;
    private final Findings findings;

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
        findings.add(Diagnostic.of(id, message, range));
    }

    public void report(RuleId id, String message, Range range, Fix fix) {
        findings.add(Diagnostic.of(id, message, range).withFix(fix));
    }

    public void report(Diagnostic diagnostic) {
        findings.add(diagnostic);
    }
}
