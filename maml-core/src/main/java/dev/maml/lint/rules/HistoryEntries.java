package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.HistoryEntry;
import dev.maml.model.MamlDocument;
import dev.maml.vocabulary.Vocabulary;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    static final List<String> VERBS = Vocabulary.historyVerbs();

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

    /**
     * A date alone is a valid ISO 8601 timestamp; a time without a zone is ambiguous and rejected.
     * Read by position, not with a DateTimeFormatter (ten times slower on long logs): the parser
     * only makes entries whose timestamp has the shape {@code YYYY-MM-DD[(T| )hh:mm[:ss[.f+]][zone]]},
     * so what is left to check is that the numbers form a real date and time and that a zone is there.
     */
    private static Optional<When> parse(String timestamp) {
        try {
            LocalDate date = LocalDate.of(number(timestamp, 0, 4), number(timestamp, 5, 7), number(timestamp, 8, 10));
            if (timestamp.length() == 10) {
                return Optional.of(new When(null, date));
            }
            int i = 16;
            int second = 0;
            int nano = 0;
            if (i < timestamp.length() && timestamp.charAt(i) == ':') {
                second = number(timestamp, 17, 19);
                i = 19;
                if (i < timestamp.length() && timestamp.charAt(i) == '.') {
                    int end = i + 1;
                    while (end < timestamp.length() && Character.isDigit(timestamp.charAt(end))) {
                        end++;
                    }
                    String digits = (timestamp.substring(i + 1, end) + "000000000").substring(0, 9);
                    nano = Integer.parseInt(digits);
                    i = end;
                }
            }
            if (i == timestamp.length()) {
                return Optional.empty();
            }
            LocalTime time = LocalTime.of(number(timestamp, 11, 13), number(timestamp, 14, 16), second, nano);
            ZoneOffset zone = ZoneOffset.of(timestamp.substring(i).toUpperCase(Locale.ROOT));
            return Optional.of(new When(OffsetDateTime.of(date, time, zone), null));
        } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private static String abbreviate(String text) {
        if (text.length() <= 60) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(56)) ? 56 : 57; // never split a surrogate pair
        return text.substring(0, cut) + "...";
    }
}
