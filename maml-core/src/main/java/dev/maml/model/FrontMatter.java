package dev.maml.model;

import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import java.util.Optional;

/**
 * The YAML block between the "---" lines. {@code closeDelimiter} is null when it was never closed;
 * {@code root} is null when the YAML could not be read (the diagnostics say why).
 *
 * @param range          from the opening "---" to the end of the closing one
 * @param openDelimiter  the opening "---" line (without its line break)
 * @param content        the YAML text between the delimiter lines
 * @param closeDelimiter the closing "---" line, or null
 */
public record FrontMatter(Range range, Range openDelimiter, Range content, Range closeDelimiter,
                          String yaml, YamlNode root) {

    public boolean closed() {
        return closeDelimiter != null;
    }

    /** The root as a mapping, when it is one. */
    public Optional<YamlMapping> mapping() {
        return root instanceof YamlMapping m ? Optional.of(m) : Optional.empty();
    }
}
