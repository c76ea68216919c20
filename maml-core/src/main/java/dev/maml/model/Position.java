package dev.maml.model;

/** A 0-based line and a 0-based UTF-16 character offset in that line, as LSP counts them. */
public record Position(int line, int character) {
}
