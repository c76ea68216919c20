package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintContext;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MAML016: created_at is an ISO 8601 timestamp with a zone. A date alone or a time without a zone
 * is a warning (readable, but the instant is ambiguous); anything that is not a date is an error.
 * The date/time separator may be 'T' or, as RFC 3339 and YAML allow, a space; the offset may be
 * Z, ±hh:mm, ±hhmm or ±hh.
 */
final class CreatedAtRule extends FrontMatterRule {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?");

    CreatedAtRule() {
        super(RuleId.MAML016);
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        YamlEntry entry = frontMatter.entry("created_at").orElse(null);
        if (entry == null) {
            return;
        }
        YamlNode node = entry.value();
        String value = YamlValues.string(node);
        Matcher m = value == null ? null : TIMESTAMP.matcher(value.strip());
        if (m == null || !m.matches() || !valid(m)) {
            context.report(Diagnostic.of(RuleId.MAML016, Severity.ERROR, "created_at " + YamlValues.describe(node)
                    + " is not an ISO 8601 timestamp; expected e.g. 2026-11-25T12:00:00Z", YamlValues.marker(entry)));
        } else if (m.group(4) == null) {
            context.report(Diagnostic.of(RuleId.MAML016, Severity.WARNING, "created_at " + YamlValues.describe(node)
                    + " is a date without a time; expected e.g. " + m.group(1) + "-" + m.group(2) + "-" + m.group(3)
                    + "T00:00:00Z", YamlValues.marker(entry)));
        } else if (m.group(7) == null) {
            context.report(Diagnostic.of(RuleId.MAML016, Severity.WARNING, "created_at " + YamlValues.describe(node)
                    + " has no time zone; add Z (UTC) or an offset such as +02:00", YamlValues.marker(entry)));
        }
    }

    /** The fields name a real date, time and offset (no 2026-02-30, 25:00 or +19:00). */
    private static boolean valid(Matcher m) {
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            }
            String zone = m.group(7);
            if (zone != null && !zone.equalsIgnoreCase("z")) {
                ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
