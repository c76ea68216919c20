package dev.maml.model;

/** What stands between the front matter and the first section: an optional H1 title and prose. */
public record Preamble(Range range, String title) {
}
