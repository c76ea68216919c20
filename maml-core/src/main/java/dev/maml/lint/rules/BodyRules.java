package dev.maml.lint.rules;

import dev.maml.lint.Rule;
import java.util.List;

/** The rules about sections, code blocks, schema sections and History (spec sections 4 and 7). */
final class BodyRules {

    private BodyRules() {
    }

    static List<Rule> all() {
        return List.of(new RequiredSections(), new DuplicateSections(), new SectionHeadings(), new EmptySections(),
                new SectionOrder(), new CodeBlockLanguages(), new SchemaSections(), new HistoryEntries());
    }
}
