package dev.maml.cli.cache;

import dev.maml.lint.Rule;
import dev.maml.lint.RuleProviders;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Build;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;

/**
 * What a cache is only valid for: this tool version ({@link Build#version()}), the rules installed
 * (every provider's rule classes and their ids, per kind of file), and the jar they came from (its
 * size and time: a rebuilt SNAPSHOT keeps its version but may lint differently). A cache written
 * under another stamp is ignored whole and rewritten.
 */
final class ToolStamp {

    private ToolStamp() {
    }

    static byte[] current() {
        StringBuilder out = new StringBuilder("maml ").append(Build.version()).append('\n');
        out.append(jar()).append('\n');
        for (FileKind kind : FileKind.values()) {
            for (Rule rule : RuleProviders.installed().rules(kind)) {
                out.append(kind).append(' ').append(rule.getClass().getName()).append(' ').append(rule.ids()).append('\n');
            }
        }
        return Sha256.of(out.toString());
    }

    private static String jar() {
        CodeSource source = Build.class.getProtectionDomain().getCodeSource();
        try {
            Path file = Path.of(source.getLocation().toURI());
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? file + " " + attributes.size() + " " + attributes.lastModifiedTime() : "classes";
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }
}
