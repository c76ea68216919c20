package dev.maml.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Is a JSON value a valid JSON Schema? It is validated against the meta-schema of its dialect:
 * draft 2020-12 unless its {@code $schema} names draft 2019-09, 7, 6 or 4. Only the meta-schemas
 * bundled in networknt's jar are loaded (remote fetching is off: linting never touches the
 * network). This checks the schema's shape only; it does not resolve the schema's own
 * {@code $ref}s or compile it for use.
 */
public final class MetaSchemaCheck {

    /** One way the schema breaks its meta-schema: a JSON pointer into the schema and what is wrong there. */
    public record Problem(String pointer, String message) {
    }

    /**
     * networknt validates recursively, several stack frames per level: a schema nested a few
     * hundred levels deep overflows a 512 KiB thread stack. Real schemas stay far below this.
     */
    public static final int MAX_DEPTH = 64;

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));

    /** Loading a meta-schema costs tens of milliseconds; each is loaded once (Schema is thread-safe). */
    private static final Map<SpecificationVersion, Schema> META_SCHEMAS = new ConcurrentHashMap<>();

    private MetaSchemaCheck() {
    }

    /** The dialect a {@code $schema} value names; an empty fragment ("…/schema#") is ignored. */
    public static Optional<SpecificationVersion> dialect(String schemaId) {
        String wanted = withoutEmptyFragment(schemaId.strip());
        return Arrays.stream(SpecificationVersion.values())
                .filter(v -> withoutEmptyFragment(v.getDialectId()).equals(wanted))
                .findFirst();
    }

    /** The dialect ids this check knows, newest first, for messages. */
    public static List<String> knownDialects() {
        List<String> ids = new ArrayList<>();
        for (SpecificationVersion v : SpecificationVersion.values()) {
            ids.add(0, v.getDialectId());
        }
        return ids;
    }

    /** A short name for messages: "draft 2020-12", "draft-07". */
    public static String label(SpecificationVersion version) {
        String id = withoutEmptyFragment(version.getDialectId());
        return id.contains("/draft/") ? "draft " + id.replaceAll(".*/draft/([^/]+)/schema$", "$1")
                : id.replaceAll(".*/(draft-\\d+)/schema$", "$1");
    }

    /**
     * The schema's problems against the meta-schema of {@code version}, one per failing location
     * (a keyword such as {@code type} that may be a string or an array fails both ways: the
     * reasons are joined rather than reported twice).
     */
    public static List<Problem> check(JsonNode schema, SpecificationVersion version) {
        Schema meta = META_SCHEMAS.computeIfAbsent(version, v -> {
            Schema s = REGISTRY.getSchema(SchemaLocation.of(v.getDialectId()));
            s.initializeValidators();
            return s;
        });
        Map<String, Set<String>> byPointer = new LinkedHashMap<>();
        for (Error e : meta.validate(schema)) {
            String pointer = e.getInstanceLocation().toString();
            byPointer.computeIfAbsent(pointer, p -> new LinkedHashSet<>()).add(withoutLocation(e, pointer));
        }
        List<Problem> out = new ArrayList<>();
        byPointer.forEach((pointer, messages) -> out.add(new Problem(pointer, String.join("; ", messages))));
        return out;
    }

    /** networknt may prefix a message with the instance location; callers place messages themselves. */
    private static String withoutLocation(Error e, String pointer) {
        String message = e.getMessage();
        String prefix = pointer + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String withoutEmptyFragment(String id) {
        return id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
    }
}
