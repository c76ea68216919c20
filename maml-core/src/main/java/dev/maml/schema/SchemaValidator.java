package dev.maml.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.SchemaRegistryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A compiled JSON Schema that validates Jackson trees: the one place that talks to networknt's
 * json-schema-validator. Draft 2020-12 is the default dialect; a schema's own {@code $schema} may name
 * draft 4, 6, 7 or 2019-09. Only the meta-schemas bundled in the validator's jar are ever loaded:
 * remote {@code $ref}s are not fetched (a document must not make the linter touch the network).
 * Instances are validated as they are: formats are annotations, not assertions (the 2020-12 default).
 * Thread-safe once built.
 */
public final class SchemaValidator {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));

    private static final Map<SpecificationVersion, SchemaValidator> META_SCHEMAS = new ConcurrentHashMap<>();

    private final Schema schema;

    private SchemaValidator(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles {@code schema} (a JSON Schema as a Jackson tree).
     *
     * @throws IllegalArgumentException with a one-line reason when the validator cannot use it
     *                                  (e.g. an unknown {@code $schema} dialect or an unresolvable {@code $ref})
     */
    public static SchemaValidator compile(JsonNode schema) {
        try {
            Schema compiled = REGISTRY.getSchema(schema);
            compiled.initializeValidators();
            return new SchemaValidator(compiled);
        } catch (SchemaException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(oneLine(e), e);
        }
    }

    /** Compiles a schema bundled on the class path (e.g. {@code /dev/maml/schema/x.schema.json}). */
    public static SchemaValidator fromResource(String resource) {
        return compile(readResource(resource));
    }

    /**
     * The validator of a dialect's meta-schema, to check that a JSON value is a valid JSON Schema.
     * {@code dialectId} is the schema's {@code $schema} value (with or without the trailing "#"), or
     * null for the default (draft 2020-12); empty when the dialect is not one the validator knows
     * (the caller reports that).
     */
    public static Optional<SchemaValidator> metaSchema(String dialectId) {
        return dialect(dialectId).map(SchemaValidator::metaSchemaOf);
    }

    /** The validator of a dialect's meta-schema; each is loaded once (tens of milliseconds) and shared. */
    public static SchemaValidator metaSchemaOf(SpecificationVersion version) {
        return META_SCHEMAS.computeIfAbsent(version, v -> {
            Schema meta = REGISTRY.getSchema(SchemaLocation.of(v.getDialectId()));
            meta.initializeValidators();
            return new SchemaValidator(meta);
        });
    }

    /**
     * The dialect a {@code $schema} value names (an empty fragment, "…/schema#", is ignored); null
     * names the default, draft 2020-12.
     */
    public static Optional<SpecificationVersion> dialect(String dialectId) {
        if (dialectId == null) {
            return Optional.of(SpecificationVersion.DRAFT_2020_12);
        }
        String wanted = withoutEmptyFragment(dialectId.strip());
        return Arrays.stream(SpecificationVersion.values())
                .filter(v -> withoutEmptyFragment(v.getDialectId()).equals(wanted))
                .findFirst();
    }

    static String withoutEmptyFragment(String id) {
        return id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
    }

    /**
     * Every violation of the schema by {@code instance}, in the validator's order.
     *
     * @throws IllegalArgumentException with a one-line reason when the schema turns out unusable while
     *                                  validating (networknt resolves {@code $ref}s lazily, e.g. one to a missing {@code $defs} entry)
     */
    public List<SchemaViolation> validate(JsonNode instance) {
        List<Error> errors;
        try {
            errors = schema.validate(instance);
        } catch (SchemaException | IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(oneLine(e), e);
        }
        List<SchemaViolation> out = new ArrayList<>();
        for (Error e : errors) {
            out.add(new SchemaViolation(e.getInstanceLocation().toString(), e.getKeyword(), e.getProperty(),
                    messageWithoutLocation(e)));
        }
        return out;
    }

    static JsonNode readResource(String resource) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** networknt prefixes its messages with the instance location; callers place messages themselves. */
    private static String messageWithoutLocation(Error e) {
        String message = e.getMessage();
        String prefix = e.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
