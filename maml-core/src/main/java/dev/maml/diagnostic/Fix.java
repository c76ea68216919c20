package dev.maml.diagnostic;

import java.util.List;
import java.util.Locale;

/**
 * A mechanical repair: a title for menus, the edits that carry it out, and whether `maml lint --fix`
 * may apply it on its own ({@link Applicability}, Ruff's safe and unsafe fixes).
 */
public record Fix(String title, List<TextEdit> edits, Applicability applicability) {

    /**
     * SAFE: keeps what the document means; applied by {@code --fix}. UNSAFE: invents data (a new
     * random id in place of the one the document had) or changes bytes a signature covers; applied
     * only with {@code --unsafe-fixes}. Editors offer both, unsafe ones not as the preferred action.
     */
    public enum Applicability {
        SAFE, UNSAFE;

        /** The name in JSON output: safe, unsafe. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Fix {
        edits = List.copyOf(edits);
    }

    public Fix(String title, List<TextEdit> edits) {
        this(title, edits, Applicability.SAFE);
    }

    public static Fix of(String title, TextEdit edit) {
        return new Fix(title, List.of(edit));
    }

    public boolean safe() {
        return applicability == Applicability.SAFE;
    }

    /** The same repair, marked unsafe. */
    public Fix unsafe() {
        return new Fix(title, edits, Applicability.UNSAFE);
    }
}
