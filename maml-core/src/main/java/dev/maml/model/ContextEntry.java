package dev.maml.model;

/** A "key: value" line of the Context section; the value is raw text without a trailing "# comment". */
public record ContextEntry(String key, String value, Range keyRange, Range valueRange, Range range) {
}
