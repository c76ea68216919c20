package dev.maml.lint.config;

import dev.maml.diagnostic.Severity;
import dev.maml.lint.RuleSetting;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The words that turn a rule off or on or set its severity, read alike from a {@code .maml-lint.yaml}
 * and from an editor's {@code severities} setting: {@code off}/{@code false} disables the rule,
 * {@code on}/{@code true} enables it with the severity it is already configured with (as ESLint and
 * markdownlint do: a word changes only what it names), and {@code error}, {@code warning},
 * {@code info}, {@code hint} enable it with that severity. Case and surrounding blanks do not matter.
 * Any other word is an error for the caller to report; it is never ignored silently.
 *
 * @param enabled  whether the rule runs
 * @param severity the severity to set, or null to keep the configured one
 */
public record SeverityWord(boolean enabled, @Nullable Severity severity) {

    /** What a bad word is told, after the word itself. */
    public static final String EXPECTED = "expected off, on, error, warning, info or hint";

    /** The word's meaning, or empty when it is not one of the words. */
    public static Optional<SeverityWord> parse(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "off", "false" -> Optional.of(new SeverityWord(false, null));
            case "on", "true" -> Optional.of(new SeverityWord(true, null));
            default -> {
                try {
                    yield Optional.of(new SeverityWord(true, Severity.parse(w)));
                } catch (IllegalArgumentException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    /** {@code configured} with this word applied: the options stay, and so does the severity unless the word names one. */
    public RuleSetting applyTo(RuleSetting configured) {
        return new RuleSetting(enabled, severity != null ? severity : configured.severity(), configured.options());
    }
}
