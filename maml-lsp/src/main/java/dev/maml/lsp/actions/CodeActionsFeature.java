package dev.maml.lsp.actions;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.fix.Fixer;
import dev.maml.lint.fix.ResignAdvice;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.Ranges;
import dev.maml.lsp.diagnostics.DiagnosticsFeature;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.model.LineIndex;
import dev.maml.model.Range;
import dev.maml.model.FileKind;
import dev.maml.toolchain.LintOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Code actions: a quick fix for each fixable finding under the cursor, "Fix all MAML problems"
 * (the same {@link Fixer} passes as `maml lint --fix`), and, when signing is available, "Sign
 * document" (an edit), "Create receipt" (a new `.mu` file) and "Verify signature" (a command that
 * answers with a message).
 */
public final class CodeActionsFeature {

    public static final String FIX_ALL_KIND = CodeActionKind.SourceFixAll + ".maml";
    public static final String SIGN_KIND = CodeActionKind.Source + ".maml.sign";
    public static final String RECEIPT_KIND = CodeActionKind.Source + ".maml.receipt";
    public static final String VERIFY_KIND = CodeActionKind.Source + ".maml.verify";
    public static final String VERIFY_COMMAND = "maml.verifySignature";
    /** Run by the editor after a "Fix all" that changed a signed document: tells the user to sign again. */
    public static final String RESIGN_COMMAND = "maml.signatureInvalidated";
    public static final List<String> COMMANDS = List.of(VERIFY_COMMAND, RESIGN_COMMAND);

    private final DiagnosticsFeature diagnostics;
    private final Optional<DocumentSigner> signer;

    public CodeActionsFeature(DiagnosticsFeature diagnostics, Optional<DocumentSigner> signer) {
        this.diagnostics = diagnostics;
        this.signer = signer;
    }

    public List<Either<Command, CodeAction>> actions(LspDocument doc, org.eclipse.lsp4j.Range range,
                                                     CodeActionContext context, Linter linter, LintOutcome lint,
                                                     CancelChecker cancel) {
        List<String> only = context == null ? null : context.getOnly();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        LineIndex lines = doc.parsed().lines();
        boolean anyFix = false;
        if (lint.result() != null) {
            for (Diagnostic d : lint.result().diagnostics()) {
                Fix fix = d.fix();
                if (fix == null || fix.edits().isEmpty()) {
                    continue;
                }
                anyFix = true;
                org.eclipse.lsp4j.Diagnostic lsp = diagnostics.toLsp(lines, d);
                if (wanted(only, CodeActionKind.QuickFix) && Ranges.touch(lsp.getRange(), range)) {
                    CodeAction action = new CodeAction(fix.title());
                    action.setKind(CodeActionKind.QuickFix);
                    action.setDiagnostics(List.of(lsp));
                    action.setIsPreferred(true);
                    action.setEdit(edit(doc.uri(), fix.edits().stream()
                            .map(e -> new TextEdit(Ranges.toLsp(lines, e.range()), e.newText())).toList()));
                    out.add(Either.forRight(action));
                }
            }
        }
        cancel.checkCanceled();
        if (anyFix && wanted(only, FIX_ALL_KIND)) {
            Fixer.FixOutcome fixed = linter.fixAll(doc);
            if (fixed != null && !fixed.text().equals(doc.text())) {
                // A signed document: the title says so before, and the command (run after the edit) after.
                boolean resign = doc.kind() == FileKind.DOCUMENT && ResignAdvice.invalidates(doc.text(), fixed.text());
                CodeAction all = new CodeAction("Fix all MAML problems (" + fixed.fixes() + ")"
                        + (resign ? "; invalidates the signature" : ""));
                all.setKind(FIX_ALL_KIND);
                all.setEdit(edit(doc.uri(), List.of(replaceAll(lines, doc.text(), fixed.text()))));
                if (resign) {
                    all.setCommand(new Command("Sign the document again", RESIGN_COMMAND, List.of(doc.uri())));
                }
                out.add(Either.forRight(all));
            }
        }
        signer.ifPresent(s -> out.addAll(signing(s, doc, only, keys(linter))));
        signer.ifPresent(s -> out.addAll(signAsQuickFix(s, doc, range, only, lint, keys(linter))));
        return out;
    }

    /** Runs a command of {@link #COMMANDS}; returns the message for the user. */
    public String execute(String command, LspDocument doc, Linter linter) {
        if (RESIGN_COMMAND.equals(command)) {
            return "maml: warning: " + ResignAdvice.message(doc.path() == null ? doc.uri() : doc.path().toString())
                    + " (or use the \"Sign document\" action)";
        }
        if (!VERIFY_COMMAND.equals(command)) {
            return "maml: unknown command " + command;
        }
        return signer.map(s -> s.verify(doc.text(), doc.path(), keys(linter)).message())
                .orElse("maml: this build cannot verify signatures");
    }

    private List<Either<Command, CodeAction>> signing(DocumentSigner s, LspDocument doc, List<String> only,
                                                      DocumentSigner.Keys keys) {
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        LineIndex lines = doc.parsed().lines();
        if (wanted(only, SIGN_KIND)) {
            DocumentSigner.Outcome signed = s.sign(doc.text(), doc.path(), keys);
            CodeAction sign = new CodeAction("Sign document");
            sign.setKind(SIGN_KIND);
            if (signed.text() != null) {
                sign.setEdit(edit(doc.uri(), List.of(replaceAll(lines, doc.text(), signed.text()))));
            } else {
                sign.setDisabled(new org.eclipse.lsp4j.CodeActionDisabled(signed.message()));
            }
            out.add(Either.forRight(sign));
        }
        if (wanted(only, VERIFY_KIND)) {
            CodeAction verify = new CodeAction("Verify signature");
            verify.setKind(VERIFY_KIND);
            verify.setCommand(new Command("Verify signature", VERIFY_COMMAND, List.of(doc.uri())));
            out.add(Either.forRight(verify));
        }
        if (wanted(only, RECEIPT_KIND)) {
            DocumentSigner.Outcome receipt = s.receipt(doc.text(), doc.path(), keys);
            CodeAction create = new CodeAction("Create receipt");
            create.setKind(RECEIPT_KIND);
            if (receipt.text() != null && receipt.file() != null) {
                String uri = receipt.file().toUri().toString();
                CreateFileOptions options = new CreateFileOptions(true, false);
                TextDocumentEdit content = new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null),
                        List.of(Either.forLeft(new TextEdit(new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(0, 0),
                                new org.eclipse.lsp4j.Position(0, 0)), receipt.text()))));
                create.setEdit(new WorkspaceEdit(List.of(
                        Either.<TextDocumentEdit, ResourceOperation>forRight(new CreateFile(uri, options)),
                        Either.<TextDocumentEdit, ResourceOperation>forLeft(content))));
            } else {
                create.setDisabled(new org.eclipse.lsp4j.CodeActionDisabled(receipt.message()));
            }
            out.add(Either.forRight(create));
        }
        return out;
    }

    /** MAML070 (unsigned) and MAML071 (signature does not verify) are fixed by signing (spec section 12). */
    private List<Either<Command, CodeAction>> signAsQuickFix(DocumentSigner s, LspDocument doc,
                                                             org.eclipse.lsp4j.Range range, List<String> only,
                                                             LintOutcome lint, DocumentSigner.Keys keys) {
        if (lint.result() == null || !wanted(only, CodeActionKind.QuickFix)) {
            return List.of();
        }
        LineIndex lines = doc.parsed().lines();
        List<org.eclipse.lsp4j.Diagnostic> fixes = lint.result().diagnostics().stream()
                .filter(d -> d.rule() == RuleId.MAML070 || d.rule() == RuleId.MAML071)
                .map(d -> diagnostics.toLsp(lines, d))
                .filter(d -> Ranges.touch(d.getRange(), range))
                .toList();
        if (fixes.isEmpty()) {
            return List.of();
        }
        DocumentSigner.Outcome signed = s.sign(doc.text(), doc.path(), keys);
        CodeAction sign = new CodeAction(fixes.get(0).getCode().getLeft().equals("MAML071") ? "Sign the document again"
                : "Sign document");
        sign.setKind(CodeActionKind.QuickFix);
        sign.setDiagnostics(fixes);
        if (signed.text() != null) {
            sign.setEdit(edit(doc.uri(), List.of(replaceAll(lines, doc.text(), signed.text()))));
        } else {
            sign.setDisabled(new org.eclipse.lsp4j.CodeActionDisabled(signed.message()));
        }
        return List.of(Either.forRight(sign));
    }

    private static DocumentSigner.Keys keys(Linter linter) {
        var s = linter.settings();
        return new DocumentSigner.Keys(linter.resolve(s.key()), linter.resolve(s.publicKey()),
                s.trust().stream().map(linter::resolve).toList(), s.projectTrustStores());
    }

    /** An action kind is wanted when the client asked for nothing in particular, or for it or a parent kind. */
    private static boolean wanted(List<String> only, String kind) {
        return only == null || only.isEmpty() || only.stream().anyMatch(o -> kind.equals(o) || kind.startsWith(o + "."));
    }

    private static WorkspaceEdit edit(String uri, List<TextEdit> edits) {
        return new WorkspaceEdit(Map.of(uri, edits));
    }

    /** One edit from the first to the last character that differ, so the editor keeps the cursor and undo is small. */
    public static TextEdit replaceAll(LineIndex lines, String before, String after) {
        int start = 0;
        int max = Math.min(before.length(), after.length());
        while (start < max && before.charAt(start) == after.charAt(start)) {
            start++;
        }
        int endBefore = before.length();
        int endAfter = after.length();
        while (endBefore > start && endAfter > start && before.charAt(endBefore - 1) == after.charAt(endAfter - 1)) {
            endBefore--;
            endAfter--;
        }
        // Never split a surrogate pair: the edit's ends must be character boundaries on both sides.
        if (start > 0 && start < before.length() && Character.isLowSurrogate(before.charAt(start))) {
            start--;
        }
        if (endBefore < before.length() && Character.isLowSurrogate(before.charAt(endBefore))) {
            endBefore++;
            endAfter++;
        }
        return new TextEdit(Ranges.toLsp(lines, Range.of(start, endBefore)), after.substring(start, endAfter));
    }
}
