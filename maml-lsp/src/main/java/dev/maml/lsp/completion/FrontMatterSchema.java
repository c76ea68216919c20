package dev.maml.lsp.completion;

import dev.maml.report.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The front-matter JSON Schema as completion and hover need it: for a path of keys (top level, or
 * {@code verification} → {@code method}), the keys allowed there with their title, description,
 * examples and enum values. Local {@code $ref}s ({@code #/$defs/…}) are followed.
 */
public final class FrontMatterSchema {

    /** Where maml-core ships the schema. */
    public static final String RESOURCE = "/dev/maml/schema/maml-front-matter.schema.json";

    public static final FrontMatterSchema EMPTY = new FrontMatterSchema(null);

    private static final int KEPT_PATHS = 256;

    private final JsonNode root;
    private final Map<List<String>, List<Key>> keysAt = new ConcurrentHashMap<>();

    private FrontMatterSchema(JsonNode root) {
        this.root = root;
    }

    /** The bundled schema, or {@link #EMPTY} in a build without it (completion then offers no keys). */
    public static FrontMatterSchema bundled() {
        return fromResource(RESOURCE);
    }

    public static FrontMatterSchema fromResource(String resource) {
        try (InputStream in = FrontMatterSchema.class.getResourceAsStream(resource)) {
            return in == null ? EMPTY : new FrontMatterSchema(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key the schema describes, with its Markdown for hover and completion documentation. */
    public record Key(String name, String title, String description, List<String> examples, List<String> enumValues,
                      String type, String documentation) {

        static Key of(String name, String title, String description, List<String> examples, List<String> enumValues,
                      String type) {
            StringBuilder b = new StringBuilder("**").append(name).append("**");
            if (type != null) {
                b.append(" (").append(type).append(')');
            }
            if (title != null) {
                b.append(" — ").append(title);
            }
            if (description != null) {
                b.append("\n\n").append(description);
            }
            if (!enumValues.isEmpty()) {
                b.append("\n\nValues: ").append(String.join(", ", enumValues.stream().map(v -> "`" + v + "`").toList()));
            }
            if (!examples.isEmpty()) {
                b.append("\n\nExamples: ").append(String.join(", ", examples.stream().map(v -> "`" + v + "`").toList()));
            }
            return new Key(name, title, description, examples, enumValues, type, b.toString());
        }
    }

    /**
     * The keys allowed in the mapping at {@code path} (empty path: the top level). Kept per path, since
     * completion asks on every keystroke and the schema does not change; only paths the schema has are
     * kept, at most {@link #KEPT_PATHS} of them (a schema whose {@code $ref}s recurse has endless paths).
     */
    public List<Key> keys(List<String> path) {
        List<Key> kept = keysAt.get(path);
        if (kept != null) {
            return kept;
        }
        JsonNode node = at(path);
        if (node == null || !node.path("properties").isObject()) {
            return List.of();
        }
        List<Key> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
            out.add(key(p.getKey(), resolve(p.getValue())));
        }
        List<Key> keys = List.copyOf(out);
        if (keysAt.size() < KEPT_PATHS) {
            keysAt.put(List.copyOf(path), keys);
        }
        return keys;
    }

    /** The key at the end of {@code path}. */
    public Optional<Key> key(List<String> path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String name = path.get(path.size() - 1);
        return keys(path.subList(0, path.size() - 1)).stream().filter(k -> k.name().equals(name)).findFirst();
    }

    private JsonNode at(List<String> path) {
        JsonNode node = resolve(root);
        for (String name : path) {
            if (node == null) {
                return null;
            }
            JsonNode next = node.path("properties").get(name);
            node = next == null ? null : resolve(next);
        }
        return node;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int hops = 0; n != null && n.has("$ref") && hops < 16; hops++) {
            String ref = n.get("$ref").asString();
            n = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
            if (n != null && n.isMissingNode()) {
                n = null;
            }
        }
        return n;
    }

    private Key key(String name, JsonNode node) {
        return Key.of(name, text(node, "title"), text(node, "description"), strings(node.path("examples")),
                enumValues(node), node.path("type").isString() ? node.path("type").asString() : null);
    }

    /** The node's enum, and those of its anyOf/oneOf branches ("a known value, or any string"). */
    private List<String> enumValues(JsonNode node) {
        List<String> values = new ArrayList<>(strings(node.path("enum")));
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : node.path(combinator)) {
                JsonNode resolved = resolve(branch);
                if (resolved != null) {
                    values.addAll(strings(resolved.path("enum")));
                }
            }
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode v : array) {
                out.add(v.isValueNode() ? v.asString() : Json.compact(v));
            }
        }
        return out;
    }
}
