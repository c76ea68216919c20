package dev.maml.toolchain;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleProviders;
import dev.maml.lint.fix.Fixer;
import dev.maml.lint.rules.Rules;
import dev.maml.model.FileKind;
import dev.maml.parse.DocumentParser;
import dev.maml.receipt.lint.ReceiptRules;
import dev.maml.sign.lint.SignatureRules;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place that decides which engine lints which kind of file; the CLI, the git hook and
 * the language server all lint through here. The rules come from the installed
 * {@link dev.maml.lint.RuleProvider}s (the built-in ones are listed below).
 * <ul>
 * <li>Documents: every rule of the catalogue ({@link Rules#all()}) and the signature rules
 * ({@link SignatureRules}, MAML070-073).</li>
 * <li>Receipts ({@code .mu}): only the parser's file and front-matter findings (MAML001-006,
 * MAML090-092); the body is a mirror of a document, so section, fence and History findings about
 * it would be noise; and the receipt rules ({@link ReceiptRules}, MU…).</li>
 * </ul>
 */
public final class Linting {

    static final Set<RuleId> RECEIPT_SCOPE = EnumSet.of(RuleId.MAML001, RuleId.MAML002, RuleId.MAML003,
            RuleId.MAML004, RuleId.MAML005, RuleId.MAML006, RuleId.MAML090, RuleId.MAML091, RuleId.MAML092);

    /**
     * The severity overrides of a run's lint gate ({@code maml run}, the MCP server's workflow tools):
     * the signature rules (MAML070-073) are off, as the run checks the signature once, in its own
     * step; and so is MAML080, since with those rules off every inline disable of them would be
     * reported as unused, though {@code maml lint} uses it.
     */
    public static final Map<String, String> GATE_OFF = Stream.of(RuleId.MAML070, RuleId.MAML071, RuleId.MAML072,
            RuleId.MAML073, RuleId.MAML080).collect(Collectors.toUnmodifiableMap(RuleId::id, id -> "off"));

    private Linting() {
    }

    public static LintEngine engine(FileKind kind) {
        return kind == FileKind.RECEIPT ? Engines.RECEIPT : Engines.DOCUMENT;
    }

    /** Lints a file's raw bytes (invalid UTF-8 and NUL bytes become findings). */
    public static LintResult lint(byte[] bytes, FileKind kind, LintSettings settings) {
        return engine(kind).lint(DocumentParser.parse(bytes), settings);
    }

    /** Lints text that is already decoded (a buffer, or text being fixed). */
    public static LintResult lint(String text, FileKind kind, LintSettings settings) {
        return engine(kind).lint(DocumentParser.parse(text), settings);
    }

    /** Applies the fixes the engine for {@code kind} offers (unsafe ones only when asked), re-linting between passes. */
    public static Fixer.FixOutcome fix(String text, FileKind kind, LintSettings settings, boolean unsafe) {
        return Fixer.fixAll(text, t -> lint(t, kind, settings), unsafe);
    }

    /** Built on first use only: a one-file run should not pay for rules it never loads. */
    private static final class Engines {
        static final LintEngine DOCUMENT = LintEngine.standard();
        static final LintEngine RECEIPT = new LintEngine(RuleProviders.installed().rules(FileKind.RECEIPT), receiptScope());

        private static Set<RuleId> receiptScope() {
            Set<RuleId> scope = EnumSet.copyOf(RECEIPT_SCOPE);
            RuleProviders.installed().rules(FileKind.RECEIPT).forEach(rule -> scope.addAll(rule.ids()));
            return scope;
        }
    }
}
