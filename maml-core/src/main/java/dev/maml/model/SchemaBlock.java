package dev.maml.model;

/**
 * A JSON text given in Input_Schema or Output_Schema: the content of a fence in that section, or
 * the section's bare body. {@code language} is the fence's language ("" for a bare body or a
 * fence without one).
 */
public record SchemaBlock(String section, String json, Range range, boolean fenced, String language) {
}
