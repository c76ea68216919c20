package dev.maml.yaml;

import dev.maml.model.Range;

/**
 * A node of the front matter's YAML, with its range in the document. Aliases are resolved to the
 * node their anchor names (the same object, never a copy), so a node may appear in several places;
 * its range is where it was written. {@link YamlReader} bounds what such sharing may expand to.
 */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {

    Range range();

    /** How many nodes this one stands for once aliases are expanded (saturates at Long.MAX_VALUE). */
    long expandedSize();
}
