package dev.maml.lint;

import dev.maml.diagnostic.RuleId;
import dev.maml.trust.TrustSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Resolved configuration for linting one document: per-rule settings, the document's path (null for
 * an unsaved buffer or stdin) for rules that look at neighbouring files, and the trust the front end
 * gives the signature check (MAML072): typed, since it comes from the user, not from a lint config.
 */
public record LintSettings(Map<RuleId, RuleSetting> rules, Path documentPath, TrustSettings trust) {

    public static final LintSettings DEFAULTS = new LintSettings(Map.of(), null);

    /** Settings with the standard trust (the user's store and the allowed project stores). */
    public LintSettings(Map<RuleId, RuleSetting> rules, Path documentPath) {
        this(rules, documentPath, TrustSettings.STANDARD);
    }

    public LintSettings {
        rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
    }

    public RuleSetting setting(RuleId id) {
        return rules.getOrDefault(id, RuleSetting.DEFAULT);
    }

    public LintSettings withDocumentPath(Path path) {
        return new LintSettings(rules, path, trust);
    }
}
