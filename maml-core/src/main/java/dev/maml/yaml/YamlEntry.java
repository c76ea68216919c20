package dev.maml.yaml;

/** One key/value pair of a mapping. */
public record YamlEntry(YamlScalar key, YamlNode value) {
}
