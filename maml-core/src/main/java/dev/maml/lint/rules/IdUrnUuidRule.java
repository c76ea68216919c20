package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * MAML012: id must be "urn:uuid:" and an RFC 4122 UUID in lowercase hex (versions 1-8 as RFC 9562
 * numbers them, the RFC 4122 variant). The fix writes a new random UUID, except where the id already
 * holds a good UUID in the wrong form (uppercase, no prefix): then it keeps that UUID, because an id
 * is an identity and other documents may already point to it.
 */
final class IdUrnUuidRule extends FrontMatterRule {

    private static final String PREFIX = "urn:uuid:";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /** Five dash-separated groups: meant as a UUID, whatever its digits. */
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9A-Za-z]+(-[0-9A-Za-z]+){4}");
    private static final Pattern NOT_HEX = Pattern.compile("[g-zG-Z]");
    private static final Pattern HEX_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Supplier<UUID> uuids;

    IdUrnUuidRule() {
        this(UUID::randomUUID);
    }

    /** With a fixed UUID source, so fixes can be tested byte for byte. */
    IdUrnUuidRule(Supplier<UUID> uuids) {
        super(RuleId.MAML012);
        this.uuids = uuids;
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        YamlEntry entry = frontMatter.entry("id").orElse(null);
        if (entry == null) {
            return;
        }
        YamlNode node = entry.value();
        String value = YamlValues.string(node);
        if (value != null && value.startsWith(PREFIX) && UUID_TEXT.matcher(value.substring(PREFIX.length())).matches()) {
            return;
        }
        String message = "id " + YamlValues.describe(node) + " is not urn:uuid:<RFC 4122 UUID>" + reason(value);
        Diagnostic d = Diagnostic.of(RuleId.MAML012, message, YamlValues.marker(entry));
        if (node instanceof YamlScalar scalar) {
            String kept = keptUuid(value);
            Fix fix = kept != null
                    ? Fix.of("Write the id as " + PREFIX + kept, YamlValues.replaceKeepingStyle(context.document(), scalar,
                            PREFIX + kept))
                    // Unsafe: the new id is invented, and whatever referred to the old one (receipts,
                    // permissions, other documents) no longer does.
                    : Fix.of("Replace with a new random UUID", YamlValues.replaceKeepingStyle(context.document(), scalar,
                            PREFIX + uuids.get())).unsafe();
            d = d.withFix(fix);
        }
        context.report(d);
    }

    /** The UUID in an id that only has the wrong form, or null. */
    private static String keptUuid(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        String bare = lower.startsWith(PREFIX) ? lower.substring(PREFIX.length()) : lower;
        return UUID_TEXT.matcher(bare).matches() ? bare : null;
    }

    private static String reason(String value) {
        if (value == null) {
            return "";
        }
        if (keptUuid(value) != null) {
            return value.startsWith(PREFIX) ? " (hex digits must be lowercase)" : " (write it as urn:uuid: and lowercase hex)";
        }
        String bare = value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value;
        if (HEX_SHAPE.matcher(bare).matches()) {
            return " (version or variant digit is not that of an RFC 4122 UUID; placeholders like all zeros are not ids)";
        }
        if (UUID_LIKE.matcher(bare).matches()) {
            return NOT_HEX.matcher(bare).find() ? " (a UUID has hex digits 0-9 and a-f only, in groups of 8-4-4-4-12)"
                    : " (a UUID has groups of 8-4-4-4-12 hex digits)";
        }
        return "";
    }
}
