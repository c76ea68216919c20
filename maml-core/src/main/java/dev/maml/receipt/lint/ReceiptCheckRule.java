package dev.maml.receipt.lint;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.receipt.ReceiptFinding;
import dev.maml.receipt.ReceiptVerification;
import dev.maml.receipt.ReceiptVerifier;
import dev.maml.sign.TrustStore;
import dev.maml.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reports what {@code maml receipt verify} finds, one id per kind of finding. When the receipt has a
 * file, its source_maml next to it is compared too (MU006): a changed source makes the receipt stale.
 */
final class ReceiptCheckRule implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MU001, RuleId.MU002, RuleId.MU003, RuleId.MU004, RuleId.MU005, RuleId.MU006);
    }

    @Override
    public void check(LintContext context) {
        Path dir = context.documentPath() == null ? null : context.documentPath().toAbsolutePath().normalize().getParent();
        ReceiptVerification v = ReceiptVerifier.verify(context.document(), dir, source(context, dir), TrustStore.EMPTY);
        for (ReceiptFinding f : v.findings()) {
            context.report(id(f.kind()), f.message(), f.range());
        }
    }

    private static byte[] source(LintContext context, Path dir) {
        if (dir == null) {
            return null;
        }
        String name = context.document().optionalFrontMatter().flatMap(f -> f.mapping())
                .flatMap(m -> m.scalar("source_maml")).map(YamlScalar::value).orElse(null);
        if (name == null || name.isBlank()) {
            return null;
        }
        Path source = dir.resolve(name).normalize();
        if (!source.startsWith(dir) || !Files.isRegularFile(source)) {
            return null;
        }
        try {
            return Files.readAllBytes(source);
        } catch (IOException e) {
            return null; // an unreadable source is not the receipt's fault; nothing to compare
        }
    }

    private static RuleId id(ReceiptFinding.Kind kind) {
        return switch (kind) {
            case FRONT_MATTER -> RuleId.MU001;
            case MIRROR -> RuleId.MU002;
            case DIGEST -> RuleId.MU003;
            case SIGNATURE -> RuleId.MU004;
            case UNSIGNED -> RuleId.MU005;
            case SOURCE -> RuleId.MU006;
        };
    }
}
