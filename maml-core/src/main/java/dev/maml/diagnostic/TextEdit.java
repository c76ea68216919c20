package dev.maml.diagnostic;

import dev.maml.model.Range;

/** Replace the text in {@code range} with {@code newText} (an insertion when the range is empty). */
public record TextEdit(Range range, String newText) {
}
