package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.Range;
import dev.maml.model.Section;
import java.util.List;

/**
 * Rules for tests only, standing in for the real catalogue (written elsewhere): they report under
 * real ids, so suppressions, settings, reports and fixes are exercised through the real engine.
 */
public final class TestRules {

    public static final String GOOD_ID = "urn:uuid:123e4567-e89b-42d3-a456-426614174000";

    private TestRules() {
    }

    public static List<Rule> all() {
        return List.of(new IdRule(), new EmptySectionRule(), new ShoutingRule());
    }

    public static LintEngine engine() {
        return new LintEngine(all());
    }

    /** MAML012 on an {@code id} that is not {@link #GOOD_ID}-shaped; the fix puts in {@link #GOOD_ID}, unsafe as the real rule's new id. */
    static final class IdRule implements Rule {
        @Override
        public List<RuleId> ids() {
            return List.of(RuleId.MAML012);
        }

        @Override
        public void check(LintContext context) {
            context.document().optionalFrontMatter().flatMap(fm -> fm.mapping()).flatMap(m -> m.scalar("id"))
                    .filter(s -> !s.value().startsWith("urn:uuid:123e4567"))
                    .ifPresent(s -> context.report(RuleId.MAML012, "id '" + s.value() + "' is not a urn:uuid: UUID",
                            s.range(), Fix.of("Use a new UUID", new TextEdit(s.range(), "\"" + GOOD_ID + "\"")).unsafe()));
        }
    }

    /** MAML033 (warning) on a section with a blank body; its message has characters GitHub escapes. */
    static final class EmptySectionRule implements Rule {
        @Override
        public List<RuleId> ids() {
            return List.of(RuleId.MAML033);
        }

        @Override
        public void check(LintContext context) {
            for (Section s : context.document().sections()) {
                if (context.document().text(s.body()).isBlank()) {
                    context.report(RuleId.MAML033, "section '" + s.name() + "' is empty: 100% nothing, write\nsomething",
                            s.nameRange());
                }
            }
        }
    }

    /** MAML032 (info) on every "SHOUT" in the text, to have many findings on chosen lines; fix: lower case. */
    static final class ShoutingRule implements Rule {
        @Override
        public List<RuleId> ids() {
            return List.of(RuleId.MAML032);
        }

        @Override
        public void check(LintContext context) {
            String text = context.document().text();
            for (int i = text.indexOf("SHOUT"); i >= 0; i = text.indexOf("SHOUT", i + 1)) {
                Range r = Range.of(i, i + 5);
                context.report(Diagnostic.of(RuleId.MAML032, Severity.INFO, "do not shout", r)
                        .withFix(Fix.of("Lower case", new TextEdit(r, "shout"))));
            }
        }
    }
}
