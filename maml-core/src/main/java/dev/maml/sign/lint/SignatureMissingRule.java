package dev.maml.sign.lint;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.Range;
import dev.maml.sign.VerificationBlock;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;

/**
 * MAML070: a document that claims security (type security_workflow, or quantum_security_flag: true)
 * should carry a signature (spec section 3, key "verification"). Signing needs a private key, so
 * there is no text fix; the message names the command.
 */
final class SignatureMissingRule implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML070);
    }

    @Override
    public void check(LintContext context) {
        Optional<YamlMapping> root = context.document().optionalFrontMatter().flatMap(f -> f.mapping());
        if (root.isEmpty()) {
            return;
        }
        Optional<YamlScalar> type = root.get().scalar("type").filter(t -> t.value().equals("security_workflow"));
        Optional<YamlScalar> flag = root.get().scalar("quantum_security_flag").filter(f -> f.value().equals("true"));
        if (type.isEmpty() && flag.isEmpty()) {
            return;
        }
        VerificationBlock block = VerificationBlock.of(context.document()).orElseThrow();
        if (block.signed()) {
            return;
        }
        String why = type.isPresent() ? "a security_workflow" : "a document with quantum_security_flag: true";
        Range where = block.entry() != null ? block.entry().key().range() : type.orElseGet(flag::get).range();
        context.report(RuleId.MAML070, why + " should be signed; run: maml sign FILE --key KEY", where);
    }
}
