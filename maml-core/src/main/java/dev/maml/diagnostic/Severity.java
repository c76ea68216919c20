package dev.maml.diagnostic;

import java.util.Locale;

/** Severities in the order of their weight; the names are the spec's (section 12). */
public enum Severity {
    ERROR, WARNING, INFO, HINT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected error, warning, info or hint)");
    }
}
