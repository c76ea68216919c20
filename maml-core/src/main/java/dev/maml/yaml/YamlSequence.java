package dev.maml.yaml;

import dev.maml.model.Range;
import java.util.List;

/** A sequence in source order. */
public record YamlSequence(List<YamlNode> items, Range range, long expandedSize) implements YamlNode {

    public YamlSequence {
        items = List.copyOf(items);
    }
}
