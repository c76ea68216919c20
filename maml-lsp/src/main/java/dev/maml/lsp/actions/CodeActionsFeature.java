package dev.maml.lsp.actions;

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
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionDisabled;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Code actions: a quick fix for each fixable finding under the cursor, "Disable MAMLnnn for this
 * line" for every finding under it, "Fix all MAML problems"
 * (the same passes as `maml lint --fix`), and, when signing is available, "Sign document" (an
 * edit, also the quick fix of MAML070/071), "Create receipt" (a new `.mu` file) and "Verify
 * signature" (a command answering with a {@link VerificationResult}).
 *
 * <p>A request only lists the actions (cheap: the lint of the version is already made); their
 * edits are computed by `codeAction/resolve` from the {@link ActionData} each action carries.
 * A client that cannot resolve gets the edits at once: always for the cheap participants, and for
 * the expensive ones (fix-all, sign, receipt) only when it asks for their kind with {@code only},
 * as "Source Action..." and fix-on-save do; a plain light-bulb request does not sign, fix
 * everything and read the directory's receipts on every cursor move. Each participant runs on
 * its own: one that throws is logged and the others still answer.
 */
public final class CodeActionsFeature {

    public static final String FIX_ALL_KIND = CodeActionKind.SourceFixAll + ".maml";
    public static final String SIGN_KIND = CodeActionKind.Source + ".maml.sign";
    public static final String RECEIPT_KIND = CodeActionKind.Source + ".maml.receipt";
    public static final String VERIFY_KIND = CodeActionKind.Source + ".maml.verify";
    public static final String VERIFY_COMMAND = "maml.verifySignature";
    /** Run by the editor after a quick fix that changed a signed document: tells the user to sign again. */
    public static final String RESIGN_COMMAND = "maml.signatureInvalidated";
    public static final List<String> COMMANDS = List.of(VERIFY_COMMAND, RESIGN_COMMAND);

    private final DiagnosticsFeature diagnostics;
    private final Optional<DocumentSigner> signer;
    private final List<ActionParticipant> participants;

    public CodeActionsFeature(DiagnosticsFeature diagnostics, Optional<DocumentSigner> signer) {
        this(diagnostics, signer, Stream.concat(Stream.of(new QuickFixes(), new FixAll()),
                Stream.concat(signer.stream().flatMap(s -> Stream.of(new Signing(s), new Verify(), new Receipts(s))),
                        Stream.of(new Disables()))).toList());
    }

    CodeActionsFeature(DiagnosticsFeature diagnostics, Optional<DocumentSigner> signer,
                       List<ActionParticipant> participants) {
        this.diagnostics = diagnostics;
        this.signer = signer;
        this.participants = List.copyOf(participants);
    }

    /**
     * The actions for {@code range}.
     *
     * @param clientResolves the client resolves actions (`codeAction.resolveSupport` names `edit`)
     * @param log            where a participant that failed is reported
     */
    public List<Either<Command, CodeAction>> actions(LspDocument doc, org.eclipse.lsp4j.Range range,
                                                     CodeActionContext context, Linter linter, LintOutcome lint,
                                                     boolean clientResolves, Consumer<String> log,
                                                     CancelChecker cancel) {
        ActionRequest request = new ActionRequest(doc, range, context == null ? null : context.getOnly(), linter, lint,
                diagnostics);
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        for (ActionParticipant p : participants) {
            cancel.checkCanceled();
            List<CodeAction> offered = isolated(p, log, () -> p.offer(request));
            for (CodeAction action : offered == null ? List.<CodeAction>of() : offered) {
                if (clientResolves || action.getData() == null || action.getDisabled() != null) {
                    out.add(Either.forRight(action));
                } else if (p.cheap() || request.asked(action.getKind())) {
                    resolveNow(p, request, action, log).ifPresent(a -> out.add(Either.forRight(a)));
                }
            }
        }
        return out;
    }

    /**
     * The action with its edit. Errors (as the response): ContentModified when the document is
     * closed or at another version than the action was made for (an edit computed now would not
     * fit what the editor offered); RequestFailed with the reason when there is no edit (a key
     * that cannot be read); InternalError, also logged, when the participant throws; InvalidParams
     * for an action this server did not make.
     */
    public CodeAction resolve(LspDocument doc, CodeAction action, Linter linter, LintOutcome lint,
                              Consumer<String> log, CancelChecker cancel) {
        ActionData data = ActionData.of(action.getData()).orElseThrow(() -> error(ResponseErrorCode.InvalidParams,
                "maml: not a code action of this server (no maml data)"));
        if (doc == null || !doc.uri().equals(data.uri()) || doc.version() != data.version()) {
            throw error(ResponseErrorCode.ContentModified,
                    "maml: the document changed since the action was offered; ask for code actions again");
        }
        ActionParticipant p = participants.stream().filter(x -> x.name().equals(data.action())).findFirst()
                .orElseThrow(() -> error(ResponseErrorCode.InvalidParams, "maml: unknown code action " + data.action()));
        cancel.checkCanceled();
        ActionRequest request = new ActionRequest(doc, null, null, linter, lint, diagnostics);
        Resolution r = isolated(p, log, () -> p.resolve(request, data));
        if (r == null) {
            throw error(ResponseErrorCode.InternalError, "maml: " + failure(p) + "; see the MAML output log");
        }
        if (r.edit() == null) {
            throw error(ResponseErrorCode.RequestFailed, "maml: " + action.getTitle() + ": " + r.refusal());
        }
        action.setEdit(r.edit());
        return action;
    }

    /** Runs a command of {@link #COMMANDS} on {@code doc} (null: not open); verify always answers with a verification. */
    public CommandAnswer execute(String command, LspDocument doc, Linter linter) {
        if (doc == null) {
            String notOpen = "maml: the document is not open";
            return VERIFY_COMMAND.equals(command) ? VerificationResult.error(notOpen) : new CommandAnswer.Notice(notOpen, false);
        }
        if (RESIGN_COMMAND.equals(command)) {
            return new CommandAnswer.Notice("maml: warning: "
                    + ResignAdvice.message(doc.path() == null ? doc.uri() : doc.path().toString())
                    + " (or use the \"Sign document\" action)", false);
        }
        if (!VERIFY_COMMAND.equals(command)) {
            return new CommandAnswer.Notice("maml: unknown command " + command, false);
        }
        return signer.<CommandAnswer>map(s -> s.verify(doc.source(), linter.session()))
                .orElse(VerificationResult.error("maml: this build cannot verify signatures"));
    }

    /** Resolves at once for a client that cannot resolve: a refusal disables the action, a failure drops it. */
    private static Optional<CodeAction> resolveNow(ActionParticipant p, ActionRequest request, CodeAction action,
                                                   Consumer<String> log) {
        Resolution r = isolated(p, log, () -> p.resolve(request, ActionData.of(action.getData()).orElseThrow()));
        if (r == null) {
            return Optional.empty();
        }
        if (r.edit() == null) {
            action.setDisabled(new CodeActionDisabled(r.refusal()));
        } else {
            action.setEdit(r.edit());
        }
        return Optional.of(action);
    }

    /**
     * Runs a participant's step; an exception other than cancellation is logged and gives null,
     * so one broken participant never hides the actions of the others.
     */
    private static <T> T isolated(ActionParticipant p, Consumer<String> log, Supplier<T> step) {
        try {
            return step.get();
        } catch (CancellationException | ResponseErrorException e) {
            throw e;
        } catch (RuntimeException e) {
            log.accept("maml: " + failure(p) + ": " + e);
            return null;
        }
    }

    private static String failure(ActionParticipant p) {
        return "the code action participant \"" + p.name() + "\" failed";
    }

    private static ResponseErrorException error(ResponseErrorCode code, String message) {
        return new ResponseErrorException(new ResponseError(code, message, null));
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
