package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import java.util.List;

/**
 * MAML033: a section with nothing in it. HTML comments (lint directives, notes to editors) are not
 * content: a section holding only those still says nothing to a reader.
 */
final class EmptySections implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML033);
    }

    @Override
    public void check(LintContext context) {
        MamlDocument doc = context.document();
        for (Section section : doc.sections()) {
            if (isEmpty(doc.text(section.body()))) {
                String name = section.name().isEmpty() ? "##" : section.name();
                context.report(RuleId.MAML033, "section \"" + name + "\" is empty; write its content or remove the heading",
                        section.name().isEmpty() ? section.heading() : section.nameRange());
            }
        }
    }

    /**
     * Whitespace and {@code <!-- -->} comments only. One scan (no backtracking regex); a comment
     * never closed runs to the end, as CommonMark reads it.
     */
    static boolean isEmpty(String body) {
        int i = 0;
        while (true) {
            int open = body.indexOf("<!--", i);
            int to = open < 0 ? body.length() : open;
            for (int j = i; j < to; j++) {
                if (!Character.isWhitespace(body.charAt(j))) {
                    return false;
                }
            }
            if (open < 0) {
                return true;
            }
            int close = body.indexOf("-->", open + 4);
            if (close < 0) {
                return true;
            }
            i = close + 3;
        }
    }
}
