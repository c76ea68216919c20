package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("Intent", "Intent"));
        assertEquals(1, Suggestions.distance("Intnt", "Intent"));
        assertEquals(2, Suggestions.distance("orgin", "origins"));
        assertEquals(6, Suggestions.distance("", "Intent"));
    }

    @Test
    void suggestsOnlyWithinTwoEdits() {
        List<String> known = List.of("origin", "permissions", "created_at");
        assertEquals(Optional.of("origin"), Suggestions.closest("orign", known));
        assertEquals(Optional.of("created_at"), Suggestions.closest("created-at", known));
        assertEquals(Optional.empty(), Suggestions.closest("author", known));
    }
}
