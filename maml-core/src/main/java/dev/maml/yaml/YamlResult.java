package dev.maml.yaml;

import dev.maml.diagnostic.Diagnostic;
import java.util.List;

/** What reading the front matter gave: the root node (null when it could not be read) and findings. */
public record YamlResult(YamlNode root, List<Diagnostic> diagnostics) {

    public YamlResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
