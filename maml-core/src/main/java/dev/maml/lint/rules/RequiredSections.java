package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.diagnostic.TextEdit;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.Heading;
import dev.maml.model.LineEndings;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import dev.maml.vocabulary.SectionWord;
import dev.maml.vocabulary.Vocabulary;
import java.util.List;
import java.util.Set;

/**
 * MAML030: Intent is missing (error) or Context is missing (warning). A section written in another
 * form ({@code ## intent}, {@code ### Intent}) or misspelt ({@code ## Intnet}) counts as present:
 * MAML035 or MAML032 reports and repairs it, and inserting a second one would make a duplicate.
 *
 * <p>The finding sits on the document's first line, where a reader looks for what a file lacks
 * (as markdownlint does for a missing first heading). The fix inserts an empty section where the
 * recommended order puts it: before the first section that should follow it, else at the end.
 */
final class RequiredSections implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML030);
    }

    @Override
    public void check(LintContext context) {
        MamlDocument doc = context.document();
        Set<String> present = SectionNames.present(doc);
        for (Heading h : SectionNames.misleveled(doc)) {
            present.add(SectionNames.canonical(h.text()).orElseThrow());
        }
        for (Section s : doc.sections()) {
            if (SectionNames.canonical(s.name()).isEmpty()) {
                SectionNames.suggestion(s.name()).ifPresent(present::add); // MAML032 offers the rename
            }
        }
        for (SectionWord section : Vocabulary.sections()) {
            if (section.required() != null && !present.contains(section.name())) {
                missing(context, section.name(), section.required(), section.purpose());
            }
        }
    }

    private static void missing(LintContext context, String name, Severity severity, String why) {
        MamlDocument doc = context.document();
        Range firstLine = Range.of(doc.bom() ? 1 : 0, doc.lines().lineEnd(0));
        context.report(Diagnostic.of(RuleId.MAML030, severity, "required section \"## " + name + "\" is missing ("
                + why + ")", firstLine).withFix(Fix.of("Insert section " + name, insertion(doc, name))));
    }

    private static TextEdit insertion(MamlDocument doc, String name) {
        String nl = doc.lineEndings() == LineEndings.CRLF ? "\r\n" : "\n";
        int rank = SectionNames.rank(name);
        for (Section s : doc.sections()) {
            if (SectionNames.canonical(s.name()).map(SectionNames::rank).orElse(-1) > rank) {
                return new TextEdit(Range.empty(s.range().start()), "## " + name + nl + nl);
            }
        }
        String text = doc.text();
        String lead = text.isEmpty() || text.endsWith("\n\n") || text.endsWith("\r\n\r\n") ? ""
                : text.endsWith("\n") ? nl : nl + nl;
        return new TextEdit(Range.empty(text.length()), lead + "## " + name + nl);
    }
}
