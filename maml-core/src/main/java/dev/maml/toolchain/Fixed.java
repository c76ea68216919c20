package dev.maml.toolchain;

import dev.maml.lint.fix.Fixer;
import org.jspecify.annotations.Nullable;

/**
 * What fixing a document gave: the fixed text and what remains, when it was fixed ({@code outcome}
 * is null when the document is ignored, its config is broken, or it is not UTF-8); and whether the
 * fixes changed the bytes a signature covers, so the document must be signed again.
 */
public record Fixed(Resolution resolution, Fixer.@Nullable FixOutcome outcome, boolean brokeSignature) {

    public boolean ignored() {
        return resolution instanceof Resolution.Ignored;
    }

    /** Linted, but not UTF-8: nothing could be fixed without changing other bytes too. */
    public boolean notUtf8() {
        return resolution instanceof Resolution.Lint && outcome == null;
    }
}
