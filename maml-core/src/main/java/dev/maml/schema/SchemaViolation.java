package dev.maml.schema;

/**
 * One way an instance fails a JSON Schema.
 *
 * @param pointer  JSON pointer (RFC 6901) of the failing instance node; "" is the root
 * @param keyword  the schema keyword that failed ("type", "required", "pattern" …)
 * @param property the property a keyword such as "required" or "additionalProperties" is about, or null
 * @param message  the validator's description, without the location (e.g. "integer found, string expected")
 */
public record SchemaViolation(String pointer, String keyword, String property, String message) {

    /** The pointer a person reads in a message: "/" for the root instead of "". */
    public String displayPointer() {
        return pointer.isEmpty() ? "/" : pointer;
    }
}
