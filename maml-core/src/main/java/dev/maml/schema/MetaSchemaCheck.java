package dev.maml.schema;

import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Is a JSON value a valid JSON Schema? It is validated against the meta-schema of its dialect:
 * draft 2020-12 unless its {@code $schema} names draft 2019-09, 7, 6 or 4, through
 * {@link SchemaValidator#metaSchemaOf(SpecificationVersion)} (no remote fetching). This checks the schema's shape only; it does not resolve the schema's own
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

    private MetaSchemaCheck() {
    }

    /** The dialect a {@code $schema} value names; an empty fragment ("…/schema#") is ignored. */
    public static Optional<SpecificationVersion> dialect(String schemaId) {
        return SchemaValidator.dialect(schemaId);
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
        String id = SchemaValidator.withoutEmptyFragment(version.getDialectId());
        return id.contains("/draft/") ? "draft " + id.replaceAll(".*/draft/([^/]+)/schema$", "$1")
                : id.replaceAll(".*/(draft-\\d+)/schema$", "$1");
    }

    /**
     * The schema's problems against the meta-schema of {@code version}, one per failing location
     * (a keyword such as {@code type} that may be a string or an array fails both ways: the
     * reasons are joined rather than reported twice).
     */
    public static List<Problem> check(JsonNode schema, SpecificationVersion version) {
        Map<String, Set<String>> byPointer = new LinkedHashMap<>();
        for (SchemaViolation v : SchemaValidator.metaSchemaOf(version).validate(schema)) {
            byPointer.computeIfAbsent(v.pointer(), p -> new LinkedHashSet<>()).add(v.message());
        }
        List<Problem> out = new ArrayList<>();
        byPointer.forEach((pointer, messages) -> out.add(new Problem(pointer, String.join("; ", messages))));
        return out;
    }
}
