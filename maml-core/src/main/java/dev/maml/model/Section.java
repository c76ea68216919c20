package dev.maml.model;

/**
 * A level-2 section: {@code heading} is the "## Name" line, {@code body} runs from the next line
 * to the next section's heading (or the end of the text), {@code range} covers both.
 */
public record Section(String name, Range nameRange, Range heading, Range body, Range range) {

    public boolean isNamed(String canonicalName) {
        return name.equals(canonicalName);
    }
}
