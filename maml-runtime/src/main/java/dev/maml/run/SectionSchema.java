package dev.maml.run;

import dev.maml.model.MamlDocument;
import dev.maml.model.SchemaBlock;
import dev.maml.report.Json;
import dev.maml.schema.SchemaValidator;
import dev.maml.schema.SchemaViolation;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of an Input_Schema or Output_Schema section, and checks against it. The lint gate
 * has already rejected sections that are not exactly one valid schema, so here they are read as is.
 */
record SectionSchema(String section, JsonNode schema) {

    /** Violations listed in the result and in the message; more are counted, not shown. */
    private static final int SHOWN = 20;

    /** The section's schema, or null when the document has no such section. */
    static @Nullable SectionSchema of(MamlDocument doc, String section) throws RunFailure {
        for (SchemaBlock block : doc.schemas()) {
            if (block.section().equals(section)) {
                try {
                    return new SectionSchema(section, Json.MAPPER.readTree(block.json()));
                } catch (JacksonException e) {
                    throw new RunFailure(RunFailure.INVALID, section + " is not JSON: " + e.getOriginalMessage());
                }
            }
        }
        return null;
    }

    /** Schema violations as the result lists them, under {@code field} (`input_errors`, `output_errors`). */
    record Violations(String field, List<SchemaViolation> shown) implements ResultPart {

        Violations {
            shown = List.copyOf(shown);
        }
    }

    /**
     * Validates {@code instance}; on violations fails with {@code exitCode}, carrying
     * {@code foundBefore} (what the step had found already) and the violations.
     */
    void require(JsonNode instance, String what, String field, int exitCode, ResultPart... foundBefore)
            throws RunFailure {
        List<SchemaViolation> violations;
        try {
            violations = SchemaValidator.compile(schema).validate(instance);
        } catch (IllegalArgumentException e) {
            throw new RunFailure(RunFailure.INVALID, section + " cannot be used: " + e.getMessage(), foundBefore);
        }
        if (violations.isEmpty()) {
            return;
        }
        List<SchemaViolation> shown = violations.subList(0, Math.min(SHOWN, violations.size()));
        StringBuilder message = new StringBuilder(what + " do" + (what.endsWith("s") ? "" : "es") + " not match "
                + section + ":");
        for (SchemaViolation v : shown) {
            message.append(' ').append(v.displayPointer()).append(": ").append(v.message()).append(';');
        }
        message.setLength(message.length() - 1);
        if (violations.size() > SHOWN) {
            message.append(" (and ").append(violations.size() - SHOWN).append(" more)");
        }
        ResultPart[] found = Arrays.copyOf(foundBefore, foundBefore.length + 1);
        found[foundBefore.length] = new Violations(field, shown);
        throw new RunFailure(exitCode, message.toString(), found);
    }
}
