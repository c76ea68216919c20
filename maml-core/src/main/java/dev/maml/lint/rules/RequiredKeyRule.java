package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintContext;
import dev.maml.model.MamlDocument;
import dev.maml.schema.FrontMatterSchema;
import dev.maml.yaml.ScalarType;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlScalar;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * MAML010: the keys every document needs (spec section 3), and {@code verification} (as a warning)
 * where the document claims security. The fix adds a missing key: a fresh id, the current time, the
 * current version, and for the rest a conspicuous placeholder the author must replace.
 */
final class RequiredKeyRule extends FrontMatterRule {

    private final Clock clock;
    private final Supplier<UUID> uuids;

    RequiredKeyRule() {
        this(Clock.systemUTC(), UUID::randomUUID);
    }

    /** With a fixed clock and UUID source, so fixes can be tested byte for byte. */
    RequiredKeyRule(Clock clock, Supplier<UUID> uuids) {
        super(RuleId.MAML010);
        this.clock = clock;
        this.uuids = uuids;
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        MamlDocument document = context.document();
        Optional<KeyInsertion> insertion = KeyInsertion.of(document, frontMatter);
        for (String key : FrontMatterSchema.requiredKeys()) {
            if (frontMatter.entry(key).isPresent()) {
                continue;
            }
            Optional<YamlScalar> misspelt = misspelling(frontMatter, key);
            String message = "required key '" + key + "' is missing"
                    + misspelt.map(k -> " ('" + k.value() + "' looks like a misspelling of it)").orElse("");
            Diagnostic d = Diagnostic.of(RuleId.MAML010, message, document.frontMatter().openDelimiter());
            // A misspelt key gets MAML019's rename; inserting the key as well would leave two.
            if (misspelt.isEmpty() && insertion.isPresent()) {
                d = d.withFix(Fix.of("Insert '" + key + "'", insertion.get().edit(key, placeholder(key))));
            }
            context.report(d);
        }
        securityClaim(frontMatter).ifPresent(claim -> context.report(Diagnostic.of(RuleId.MAML010, Severity.WARNING,
                "'verification' is missing although " + claim.key().value() + " is " + YamlValues.describe(claim.value())
                        + "; sign the document with 'maml sign' to add it", claim.value().range())));
    }

    /**
     * The entry that makes a signature block expected (type security_workflow, quantum_security_flag
     * true), when the block is absent. No fix for this one: only signing can write a real block.
     */
    private static Optional<YamlEntry> securityClaim(YamlMapping frontMatter) {
        if (frontMatter.entry("verification").isPresent()) {
            return Optional.empty();
        }
        Optional<YamlEntry> type = frontMatter.entry("type")
                .filter(e -> "security_workflow".equals(YamlValues.string(e.value())));
        if (type.isPresent()) {
            return type;
        }
        return frontMatter.entry("quantum_security_flag").filter(e -> e.value() instanceof YamlScalar s
                && s.type() == ScalarType.BOOLEAN && s.value().equalsIgnoreCase("true"));
    }

    private static Optional<YamlScalar> misspelling(YamlMapping frontMatter, String required) {
        return frontMatter.entries().stream().map(YamlEntry::key)
                .filter(k -> !FrontMatterSchema.knownKeys().contains(k.value()))
                .filter(k -> UnknownKeyRule.suggestion(k.value()).filter(required::equals).isPresent())
                .findFirst();
    }

    private String placeholder(String key) {
        return switch (key) {
            case "maml_version" -> "\"2.0.0\"";
            case "id" -> "\"urn:uuid:" + uuids.get() + "\"";
            case "created_at" -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
            case "type" -> "\"CHANGE-ME\"  # TODO: workflow, security_workflow, prompt, dataset, …";
            case "origin" -> "\"agent://CHANGE-ME\"  # TODO: the agent or gateway this document comes from";
            // Empty lists grant nothing: a safe default until the author says who may do what.
            case "permissions" -> "# TODO: who may read, change and run this document\n  read: []\n  write: []\n  execute: []";
            default -> "\"CHANGE-ME\"";
        };
    }
}
