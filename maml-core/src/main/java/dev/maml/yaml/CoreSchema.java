package dev.maml.yaml;

import java.util.regex.Pattern;

/** Resolves plain scalars by the YAML 1.2 core schema (timestamps are strings there). */
final class CoreSchema {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private CoreSchema() {
    }

    static ScalarType resolve(String plain) {
        if (plain.isEmpty()) {
            return ScalarType.NULL;
        }
        // Most scalars (every key, most values) are words: decide those without a regex (null and
        // booleans are a few fixed words).
        char first = plain.charAt(0);
        if (first != '-' && first != '+' && first != '.' && (first < '0' || first > '9')) {
            return switch (plain) {
                case "~", "null", "Null", "NULL" -> ScalarType.NULL;
                case "true", "True", "TRUE", "false", "False", "FALSE" -> ScalarType.BOOLEAN;
                default -> ScalarType.STRING;
            };
        }
        if (INTEGER.matcher(plain).matches()) {
            return ScalarType.INTEGER;
        }
        if (FLOAT.matcher(plain).matches()) {
            return ScalarType.FLOAT;
        }
        return ScalarType.STRING;
    }
}
