package dev.maml.lint;

import dev.maml.diagnostic.Severity;
import java.util.Map;

/**
 * How one rule is configured: off, or on with a severity (null keeps the finding's own severity,
 * which for a few rules depends on the case, e.g. MAML011 warning/error) and options.
 */
public record RuleSetting(boolean enabled, Severity severity, Map<String, Object> options) {

    public static final RuleSetting DEFAULT = new RuleSetting(true, null, Map.of());

    public RuleSetting {
        options = Map.copyOf(options);
    }
}
