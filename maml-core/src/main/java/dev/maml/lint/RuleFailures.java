package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.model.Range;
import dev.maml.report.Printable;

/**
 * The engine's findings about a rule that misbehaved. Spec section 12 has no id for the engine's
 * own problems, so they go under the failing rule's own (first active) id, as markdownlint reports
 * a failing rule under that rule's name: the finding is attributed to the rule that failed,
 * disabling that id silences it, and no new id has to be added to the stable catalogue. They are
 * errors at the document's start (they are about no one line) and name the rule's class.
 */
final class RuleFailures {

    /** An exception message may quote the document; enough of it to recognise the failure. */
    static final int MAX_DETAIL = 200;

    private RuleFailures() {
    }

    static Diagnostic threw(Rule rule, RuleId own, Throwable e) {
        String detail = e.getMessage() == null ? "" : ": " + shortened(Printable.line(e.getMessage()));
        return finding(own, "rule " + name(rule) + " failed on this document (" + e.getClass().getSimpleName() + detail
                + "); its findings here are incomplete. This is a bug in the rule; please report it");
    }

    static Diagnostic foreignId(Rule rule, RuleId own, RuleId foreign) {
        return finding(own, "rule " + name(rule) + " reported " + foreign.id() + ", an id it does not declare "
                + rule.ids() + "; the report was refused. This is a bug in the rule; please report it");
    }

    private static Diagnostic finding(RuleId own, String message) {
        return Diagnostic.of(own, Severity.ERROR, message, Range.empty(0));
    }

    private static String name(Rule rule) {
        return rule.getClass().getName();
    }

    private static String shortened(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
