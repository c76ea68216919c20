package dev.maml.cli.cache;

import dev.maml.lint.RuleProvider;
import dev.maml.sign.Digests;
import dev.maml.toolchain.Build;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;

/**
 * What a cache is only valid for: this tool version ({@link Build#version()}) and the rules
 * installed: every {@link RuleProvider} services file on the class path, what it lists, and the
 * size and time of the jar it is in (a rebuilt SNAPSHOT keeps its version but may lint differently;
 * a plugin jar added, removed or replaced changes the list or the jar). Read from the services files
 * rather than by loading the rules: a run that finds everything in the cache never loads a rule.
 * A cache written under another stamp is ignored whole and rewritten.
 */
final class ToolStamp {

    private static final String SERVICES = "META-INF/services/" + RuleProvider.class.getName();

    private ToolStamp() {
    }

    static byte[] current() {
        StringBuilder out = new StringBuilder("maml ").append(Build.version()).append('\n');
        try {
            for (URL url : Collections.list(RuleProvider.class.getClassLoader().getResources(SERVICES))) {
                out.append(url).append(' ').append(container(url)).append('\n');
                try (InputStream in = url.openStream()) {
                    out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        } catch (IOException e) {
            // an unreadable class path makes a stamp no cache can match: every file is linted
            out.append("unreadable ").append(System.nanoTime());
        }
        return Digests.sha256(out.toString());
    }

    /** The size and time of the jar (or, for a class directory, the file) a services file comes from. */
    private static String container(URL url) {
        String spec = url.toString();
        int bang = spec.indexOf("!/");
        try {
            URI uri = new URI(spec.startsWith("jar:") && bang > 0 ? spec.substring(4, bang) : spec);
            BasicFileAttributes attributes = Files.readAttributes(Path.of(uri), BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }
}
