package dev.maml.lint.rules;

import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.TextEdit;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.Heading;
import dev.maml.model.Section;
import java.util.List;
import dev.maml.vocabulary.Vocabulary;
import java.util.Optional;
import java.util.Set;

/**
 * MAML035 (a known section written in another form or at another level) and MAML032 (a section
 * this format does not know). One class because every heading gets exactly one verdict: a
 * heading that MAML035 repairs is never also reported as unknown.
 */
final class SectionHeadings implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML032, RuleId.MAML035);
    }

    @Override
    public void check(LintContext context) {
        Set<String> present = SectionNames.present(context.document());
        for (Section section : context.document().sections()) {
            String name = section.name();
            Optional<String> canonical = SectionNames.canonical(name);
            if (canonical.isEmpty()) {
                unknown(context, section, present);
            } else if (!canonical.get().equals(name)) {
                context.report(RuleId.MAML035, "section heading \"" + name + "\" should be written \"## "
                        + canonical.get() + "\" (names are case-sensitive, with underscores)", section.nameRange(),
                        Fix.of("Rename to " + canonical.get(), new TextEdit(section.nameRange(), canonical.get())));
            } else if (!Vocabulary.section(name).orElseThrow().ordered()) {
                context.report(RuleId.MAML032, "section \"Verification\" is legacy: prefer the \"verification\""
                        + " front-matter key (signatures are checked only there)", section.nameRange());
            }
        }
        for (Heading h : SectionNames.misleveled(context.document())) {
            String canonical = SectionNames.canonical(h.text()).orElseThrow();
            context.report(RuleId.MAML035, "heading \"" + "#".repeat(h.level()) + " " + h.text()
                    + "\" is not a section: sections are level-2 headings, write \"## " + canonical + "\"", h.range(),
                    Fix.of("Make it the section \"## " + canonical + "\"", new TextEdit(h.range(), "## " + canonical)));
        }
    }

    private static void unknown(LintContext context, Section section, Set<String> present) {
        String name = section.name();
        if (name.isEmpty()) {
            context.report(RuleId.MAML032, "section heading \"##\" has no name", section.heading());
            return;
        }
        Optional<String> suggestion = SectionNames.suggestion(name);
        if (suggestion.isPresent()) {
            String known = suggestion.get();
            String message = "unknown section \"" + name + "\"; did you mean \"" + known + "\"?";
            if (present.contains(known)) {
                // renaming would only make a duplicate section: say it, leave the edit to the author
                context.report(RuleId.MAML032, message, section.nameRange());
            } else {
                context.report(RuleId.MAML032, message, section.nameRange(),
                        Fix.of("Rename to " + known, new TextEdit(section.nameRange(), known)));
            }
        } else {
            context.report(RuleId.MAML032, "unknown section \"" + name + "\"; known sections: "
                    + String.join(", ", SectionNames.KNOWN), section.nameRange());
        }
    }
}
