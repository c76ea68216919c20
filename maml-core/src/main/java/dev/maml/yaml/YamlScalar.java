package dev.maml.yaml;

import dev.maml.model.Range;

/**
 * A scalar: its value (quotes removed, escapes applied), its core-schema type, its style, and its
 * lexical form exactly as written in the source (so rules can check e.g. an unquoted timestamp).
 */
public record YamlScalar(String value, ScalarType type, ScalarStyle style, String lexical, Range range)
        implements YamlNode {

    @Override
    public long expandedSize() {
        return 1;
    }

    public boolean isString() {
        return type == ScalarType.STRING;
    }
}
