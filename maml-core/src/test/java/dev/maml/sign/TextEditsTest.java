package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maml.diagnostic.TextEdit;
import dev.maml.model.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edits that touch are applied; edits that overlap or insert at one offset are refused, with the offset. */
class TextEditsTest {

    @Test
    void editsThatOnlyTouchAreAppliedInAnyOrder() {
        TextEdit first = new TextEdit(Range.of(0, 2), "X");
        TextEdit second = new TextEdit(Range.of(2, 4), "Y");
        assertEquals("XYef", TextEdits.apply("abcdef", List.of(first, second)));
        assertEquals("XYef", TextEdits.apply("abcdef", List.of(second, first)));
    }

    @Test
    void overlappingEditsAreRefusedAtTheEarlierOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextEdits.apply("abcdef",
                List.of(new TextEdit(Range.of(1, 3), "X"), new TextEdit(Range.of(2, 4), "Y"))));
        assertEquals("overlapping edits at offset 1", e.getMessage());
    }

    @Test
    void twoInsertionsAtOneOffsetAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextEdits.apply("abcdef",
                List.of(new TextEdit(Range.empty(3), "X"), new TextEdit(Range.empty(3), "Y"))));
        assertEquals("overlapping edits at offset 3", e.getMessage());
    }
}
