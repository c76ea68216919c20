package dev.maml.lint.config;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleSetting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A resolved {@code .maml-lint.yaml}, its {@code extends} chain merged in: per-rule settings and
 * ignore patterns. {@code source} is the file it came from (null for the built-in defaults).
 */
public record LintConfig(Path source, Map<RuleId, RuleSetting> rules, List<IgnorePattern> ignores) {

    public static final LintConfig DEFAULTS = new LintConfig(null, Map.of(), List.of());

    public LintConfig {
        rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
        ignores = List.copyOf(ignores);
    }

    /** The settings to lint {@code document} with (null for a buffer without a file). */
    public LintSettings settingsFor(Path document) {
        return new LintSettings(rules, document);
    }

    public boolean ignores(Path document) {
        for (int i = 0; i < ignores.size(); i++) { // no stream nor iterator: asked of every file of a run
            if (ignores.get(i).matches(document)) {
                return true;
            }
        }
        return false;
    }
}
