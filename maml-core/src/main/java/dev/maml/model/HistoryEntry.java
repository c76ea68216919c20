package dev.maml.model;

/**
 * A list item of the History section. A well-formed entry reads "- TIMESTAMP: [VERB] text"; for
 * any other list item {@code timestamp} and {@code verb} are null and {@code text} is the item.
 */
public record HistoryEntry(String timestamp, String verb, String text, Range timestampRange, Range verbRange,
                           Range range) {

    public boolean wellFormed() {
        return timestamp != null;
    }
}
