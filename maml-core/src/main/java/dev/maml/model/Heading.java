package dev.maml.model;

/**
 * An ATX heading at the top level of the document (not in a fence, list item, block quote or HTML
 * block): its level (1-6), its text (trimmed, closing #s removed).
 */
public record Heading(int level, String text, Range range, Range textRange) {
}
