package dev.maml.yaml;

import java.util.regex.Pattern;

/** Resolves plain scalars by the YAML 1.2 core schema (timestamps are strings there). */
final class CoreSchema {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private CoreSchema() {
    }

    static ScalarType resolve(String plain) {
        if (NULL.matcher(plain).matches()) {
            return ScalarType.NULL;
        }
        if (BOOLEAN.matcher(plain).matches()) {
            return ScalarType.BOOLEAN;
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
