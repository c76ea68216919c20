package dev.maml.yaml;

import dev.maml.model.Range;
import java.util.List;
import java.util.Optional;

/** A mapping in source order. Duplicate keys are kept (and reported); lookups return the first. */
public record YamlMapping(List<YamlEntry> entries, Range range, long expandedSize) implements YamlNode {

    public YamlMapping {
        entries = List.copyOf(entries);
    }

    public Optional<YamlEntry> entry(String key) {
        for (YamlEntry e : entries) {
            if (e.key().value().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<YamlNode> get(String key) {
        return entry(key).map(YamlEntry::value);
    }

    /** The value of {@code key} when it is a scalar. */
    public Optional<YamlScalar> scalar(String key) {
        return get(key).filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast);
    }
}
