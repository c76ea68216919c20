package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.vocabulary.Vocabulary;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlScalar;
import java.util.Optional;

/**
 * MAML019: a top-level key the format does not define. Only information (documents may carry
 * their own keys), but a near miss of a known key is most likely a typo, so it gets a rename fix.
 */
final class UnknownKeyRule extends FrontMatterRule {

    UnknownKeyRule() {
        super(RuleId.MAML019);
    }

    /**
     * The known key {@code key} is probably a misspelling of. Within the spec's distance of 2, a key
     * must also be close relative to its length: two edits turn "sdk" into "id", which helps nobody
     * (and a rename fix would be harmful), so a short key only matches a near-identical one.
     */
    static Optional<String> suggestion(String key) {
        return Suggestions.closest(key, Vocabulary.frontMatterKeys())
                .filter(known -> known.equalsIgnoreCase(key) || Suggestions.distance(key, known) <= known.length() / 3);
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        for (YamlEntry entry : frontMatter.entries()) {
            YamlScalar key = entry.key();
            if (Vocabulary.frontMatterKeys().contains(key.value())) {
                continue;
            }
            Optional<String> closest = suggestion(key.value());
            String message = "unknown front-matter key '" + key.value() + "'"
                    + closest.map(c -> "; did you mean '" + c + "'?").orElse(" (not part of MAML 2.0)");
            Diagnostic d = Diagnostic.of(RuleId.MAML019, message, key.range());
            // Renaming onto a key that is already there would only trade this finding for a duplicate key.
            if (closest.isPresent() && frontMatter.entry(closest.get()).isEmpty()) {
                d = d.withFix(Fix.of("Rename to '" + closest.get() + "'",
                        YamlValues.replaceKeepingStyle(context.document(), key, closest.get())));
            }
            context.report(d);
        }
    }
}
