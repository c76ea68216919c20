package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MAML031: a section that appears twice. Names are compared after resolving their form, so
 * {@code ## Intent} followed by {@code ## intent} is a duplicate too (renaming the second, as
 * MAML035 suggests, would make it an exact one). Unknown sections are compared exactly.
 */
final class DuplicateSections implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML031);
    }

    @Override
    public void check(LintContext context) {
        MamlDocument doc = context.document();
        Map<String, Section> first = new HashMap<>();
        for (Section section : doc.sections()) {
            String key = SectionNames.canonical(section.name()).orElse(section.name());
            Section earlier = first.putIfAbsent(key, section);
            if (earlier != null) {
                context.report(RuleId.MAML031, "section \"" + key + "\" appears again; it was already opened on line "
                        + doc.lines().displayLine(earlier.heading().start()) + " (merge the two)",
                        section.name().isEmpty() ? section.heading() : section.nameRange());
            }
        }
    }
}
