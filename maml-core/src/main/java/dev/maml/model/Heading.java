package dev.maml.model;

/** An ATX heading outside code fences: its level (1-6), its text (trimmed, closing #s removed). */
public record Heading(int level, String text, Range range, Range textRange) {
}
