package dev.maml.lsp.diagnostics;

import dev.maml.lint.LintResult;

/**
 * What linting a buffer gave: findings, or nothing because the configuration ignores the file
 * (as `maml lint` skips it), or a configuration error (as `maml lint` stops with exit 2).
 */
public record LintOutcome(LintResult result, boolean ignored, String configError) {

    static LintOutcome linted(LintResult result) {
        return new LintOutcome(result, false, null);
    }

    static LintOutcome ignoredFile() {
        return new LintOutcome(null, true, null);
    }

    static LintOutcome brokenConfig(String message) {
        return new LintOutcome(null, false, message);
    }
}
