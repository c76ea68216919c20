package dev.maml.lint;

import dev.maml.diagnostic.RuleId;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Resolved configuration for linting one document: per-rule settings, and the document's path
 * (null for an unsaved buffer or stdin) for rules that look at neighbouring files.
 */
public record LintSettings(Map<RuleId, RuleSetting> rules, Path documentPath) {

    public static final LintSettings DEFAULTS = new LintSettings(Map.of(), null);

    public LintSettings {
        rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
    }

    public RuleSetting setting(RuleId id) {
        return rules.getOrDefault(id, RuleSetting.DEFAULT);
    }

    public LintSettings withDocumentPath(Path path) {
        return new LintSettings(rules, path);
    }
}
