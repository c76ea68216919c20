package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.HistoryEntry;
import dev.maml.model.MamlDocument;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The History log (spec section 7): MAML060 entries not of the form
 * {@code - TIMESTAMP: [VERB] text} (or with an impossible or zone-less timestamp), MAML061
 * timestamps that go backwards, MAML062 verbs outside the list. One class because all three read
 * the same timestamps; an entry MAML060 rejects takes no part in the ordering check.
 */
final class HistoryEntries implements Rule {

    static final List<String> VERBS = List.of(
            "CREATE", "UPDATE", "VALIDATE", "VERIFY", "SIGN", "EXECUTE", "RECEIPT", "WRAP", "TICKET");

    /**
     * ISO 8601 date-time with a zone, in the spellings the parser accepts: "T" or a space, optional
     * seconds and fraction, zone "Z" or an offset with or without a colon.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** A parsed timestamp: an instant, or a whole day for a date-only entry. */
    private record When(OffsetDateTime instant, LocalDate day) {
        boolean before(When other) {
            if (instant != null && other.instant != null) {
                return instant.isBefore(other.instant);
            }
            return date().isBefore(other.date());
        }

        LocalDate date() {
            return day != null ? day : instant.toLocalDate();
        }
    }

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML060, RuleId.MAML061, RuleId.MAML062);
    }

    @Override
    public void check(LintContext context) {
        MamlDocument doc = context.document();
        When latest = null;
        HistoryEntry latestEntry = null;
        for (HistoryEntry entry : doc.history()) {
            if (!entry.wellFormed()) {
                context.report(RuleId.MAML060, "History entry \"" + abbreviate(entry.text())
                        + "\" is not of the form \"- 2026-01-31T12:00:00Z: [VERB] text\"", entry.range());
                continue;
            }
            Optional<When> when = parse(entry.timestamp());
            if (when.isEmpty()) {
                context.report(RuleId.MAML060, "History timestamp \"" + entry.timestamp() + "\" is not a date or a"
                        + " date-time with a zone (e.g. 2026-01-31T12:00:00Z)", entry.timestampRange());
            } else {
                if (latest != null && when.get().before(latest)) {
                    context.report(RuleId.MAML061, "History timestamp " + entry.timestamp() + " is earlier than "
                            + latestEntry.timestamp() + " on line " + doc.lines().displayLine(latestEntry.range().start())
                            + "; History is append-only, newest entry last", entry.timestampRange());
                } else {
                    latest = when.get();
                    latestEntry = entry;
                }
            }
            if (!VERBS.contains(entry.verb())) {
                String upper = entry.verb().toUpperCase(Locale.ROOT);
                String hint = VERBS.contains(upper) ? "; verbs are upper case: " + upper : "";
                context.report(RuleId.MAML062, "History verb \"" + entry.verb() + "\" is not one of "
                        + String.join(", ", VERBS) + hint, entry.verbRange());
            }
        }
    }

    /** A date alone is a valid ISO 8601 timestamp; a time without a zone is ambiguous and rejected. */
    private static Optional<When> parse(String timestamp) {
        try {
            if (timestamp.length() == 10) {
                return Optional.of(new When(null, LocalDate.parse(timestamp)));
            }
            return Optional.of(new When(OffsetDateTime.parse(timestamp, DATE_TIME), null));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
