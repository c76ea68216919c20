package dev.maml.diagnostic;

import dev.maml.model.Range;
import java.util.Optional;

/** One finding: which rule, how severe, what to tell the user, where, and how to repair it if we can. */
public record Diagnostic(RuleId rule, Severity severity, String message, Range range, Fix fix) {

    public static Diagnostic of(RuleId rule, String message, Range range) {
        return new Diagnostic(rule, rule.defaultSeverity(), message, range, null);
    }

    public static Diagnostic of(RuleId rule, Severity severity, String message, Range range) {
        return new Diagnostic(rule, severity, message, range, null);
    }

    public Diagnostic withFix(Fix newFix) {
        return new Diagnostic(rule, severity, message, range, newFix);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(rule, newSeverity, message, range, fix);
    }

    public Optional<Fix> optionalFix() {
        return Optional.ofNullable(fix);
    }
}
