package dev.maml.server.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Which route a request path belongs to, as the metrics and the log name it: the template
 * ({@code /receipts/{name}}, {@code /execute}) or {@code other}. A raw path is never a label, so a
 * client requesting a million distinct paths adds one series, not a million.
 */
final class RouteTemplates {

    /** @param prefix a path ending in {@code /} matches everything under it; otherwise the path itself */
    private record Template(String prefix, String template) {
        boolean matches(String path) {
            return prefix.endsWith("/") ? path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))
                    : path.equals(prefix);
        }
    }

    private final List<Template> templates = new ArrayList<>();

    /** @param pathSpec a servlet path spec: {@code /exact} or {@code /prefix/*} */
    void add(String pathSpec, String template) {
        templates.add(new Template(pathSpec.endsWith("/*") ? pathSpec.substring(0, pathSpec.length() - 1) : pathSpec,
                template));
    }

    String of(String path) {
        for (Template t : templates) {
            if (t.matches(path)) {
                return t.template();
            }
        }
        return "other";
    }
}
