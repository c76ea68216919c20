package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MAML020: an encryption claim that names an AES key size AES does not have ("AES-2048",
 * "2048-AES", "AES 512-bit"). The sources' "2048-bit AES" is four AES-256 keys (quad AES); saying
 * otherwise overstates the protection, so the claim is flagged, not silently accepted.
 */
final class EncryptionClaimRule extends FrontMatterRule {

    private static final Pattern AES_SIZE = Pattern.compile(
            "(?i)\\baes[-_ ]?(\\d+)|\\b(\\d+)(?:[-_ ]?bits?)?[-_ ]?aes\\b");
    private static final Set<String> AES_KEY_SIZES = Set.of("128", "192", "256");

    EncryptionClaimRule() {
        super(RuleId.MAML020);
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        YamlNode node = frontMatter.get("encryption").orElse(null);
        String value = node == null ? null : YamlValues.string(node);
        if (value == null) {
            return;
        }
        Matcher m = AES_SIZE.matcher(value);
        while (m.find()) {
            String bits = m.group(1) != null ? m.group(1) : m.group(2);
            if (!AES_KEY_SIZES.contains(bits)) {
                context.report(Diagnostic.of(RuleId.MAML020, "encryption " + YamlValues.describe(node) + " claims "
                        + bits + "-bit AES, but AES has 128/192/256-bit keys only; see quad-aes (four AES-256 keys)",
                        node.range()));
                return;
            }
        }
    }
}
