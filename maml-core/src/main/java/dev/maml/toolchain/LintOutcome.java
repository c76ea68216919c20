package dev.maml.toolchain;

import dev.maml.lint.LintResult;
import org.jspecify.annotations.Nullable;

/** What linting a document gave: findings when it was linted, else why not. */
public record LintOutcome(Resolution resolution, @Nullable LintResult result) {

    public boolean ignored() {
        return resolution instanceof Resolution.Ignored;
    }

    /** The broken config's message, or null. */
    public @Nullable String configError() {
        return resolution instanceof Resolution.BrokenConfig broken ? broken.message() : null;
    }
}
