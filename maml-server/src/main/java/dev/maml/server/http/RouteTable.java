package dev.maml.server.http;

import jakarta.servlet.http.HttpServlet;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's routes, as it registers them: each path template ({@code /receipts/{name}},
 * {@code /execute}) with the methods its servlet answers. It names the route of a request path for
 * the metrics and the log ({@code other} when none): a raw path is never a label, so a client
 * requesting a million distinct paths adds one series, not a million. It also lists the routes for
 * a 404 and for the test that keeps /openapi.json in step with them.
 */
final class RouteTable {

    /** The methods a servlet may answer by overriding its {@code doXxx} method. */
    private static final List<String> SERVLET_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** @param prefix a path ending in {@code /} matches everything under it; otherwise the path itself */
    private record Entry(String prefix, String template, Set<String> methods) {
        boolean matches(String path) {
            return prefix.endsWith("/") ? path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))
                    : path.equals(prefix);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** @param pathSpec a servlet path spec: {@code /exact} or {@code /prefix/*} */
    void add(String pathSpec, String template, HttpServlet servlet) {
        entries.add(new Entry(pathSpec.endsWith("/*") ? pathSpec.substring(0, pathSpec.length() - 1) : pathSpec,
                template, methods(servlet)));
    }

    /** The template of the route {@code path} belongs to, or {@code other}. */
    String of(String path) {
        for (Entry e : entries) {
            if (e.matches(path)) {
                return e.template();
            }
        }
        return "other";
    }

    /** Every route's template with the methods it answers, in the order they were added. */
    Map<String, Set<String>> methods() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        entries.forEach(e -> routes.put(e.template(), e.methods()));
        return routes;
    }

    /** "POST /execute, ..., DELETE/GET/POST /mcp", for a client that asked for a route there is not. */
    String listing() {
        List<String> routes = new ArrayList<>();
        entries.forEach(e -> routes.add((String.join("/", e.methods()) + " " + e.template()).strip()));
        return String.join(", ", routes);
    }

    /**
     * A {@link Route}'s one method; for another servlet (a mounted one), the methods whose
     * {@code doXxx} it overrides, which is what {@link HttpServlet} dispatches to (the others get 405).
     */
    private static Set<String> methods(HttpServlet servlet) {
        if (servlet instanceof Route route) {
            return Set.of(route.method());
        }
        Set<String> methods = new TreeSet<>();
        for (Class<?> c = servlet.getClass(); c != HttpServlet.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                String method = m.getName().startsWith("do") ? m.getName().substring(2).toUpperCase(Locale.ROOT) : "";
                if (SERVLET_METHODS.contains(method)) {
                    methods.add(method);
                }
            }
        }
        return Collections.unmodifiableSet(methods);
    }
}
