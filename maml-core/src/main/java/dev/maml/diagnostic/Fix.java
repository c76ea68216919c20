package dev.maml.diagnostic;

import java.util.List;

/** A mechanical repair: a title for menus and the edits that carry it out. */
public record Fix(String title, List<TextEdit> edits) {

    public Fix {
        edits = List.copyOf(edits);
    }

    public static Fix of(String title, TextEdit edit) {
        return new Fix(title, List.of(edit));
    }
}
