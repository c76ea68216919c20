package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import dev.maml.parse.HtmlComments;
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
            // read in place: a copy of each body per lint is the whole text again (1 MB per edit in an editor)
            if (HtmlComments.skipLeading(doc.text(), section.body().start(), section.body().end()) == section.body().end()) {
                String name = section.name().isEmpty() ? "##" : section.name();
                context.report(RuleId.MAML033, "section \"" + name + "\" is empty; write its content or remove the heading",
                        section.name().isEmpty() ? section.heading() : section.nameRange());
            }
        }
    }
}
