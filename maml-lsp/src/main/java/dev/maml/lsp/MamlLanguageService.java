package dev.maml.lsp;

import dev.maml.format.Formatter;
import dev.maml.lsp.actions.ActionData;
import dev.maml.lsp.actions.CodeActionsFeature;
import dev.maml.lsp.actions.CommandAnswer;
import dev.maml.lsp.actions.DocumentSigner;
import dev.maml.lsp.completion.CompletionFeature;
import dev.maml.lsp.completion.FrontMatterSchema;
import dev.maml.lsp.diagnostics.DiagnosticsFeature;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.lsp.diagnostics.RuleDocs;
import dev.maml.lsp.diagnostics.WorkspaceDiagnostics;
import dev.maml.lsp.hover.HoverFeature;
import dev.maml.lsp.outline.FoldingFeature;
import dev.maml.lsp.outline.LinksFeature;
import dev.maml.lsp.outline.SemanticTokensFeature;
import dev.maml.lsp.outline.SymbolsFeature;
import dev.maml.toolchain.LintOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * The language service without a transport (eclipse/lemminx's split): every method takes a
 * document version, a position where it matters, the settings (a {@link Linter}) and a cancel
 * checker, and returns LSP4J values. One class per feature does the work; the LSP4J adapters in
 * {@code dev.maml.lsp.server} only route messages here. Thread-safe.
 */
public final class MamlLanguageService {

    private final CompletionFeature completion;
    private final HoverFeature hover;
    private final Optional<DocumentSigner> signer;
    private final SymbolsFeature symbols = new SymbolsFeature();
    private final FoldingFeature folding = new FoldingFeature();
    private final LinksFeature links = new LinksFeature();
    private final SemanticTokensFeature tokens = new SemanticTokensFeature();

    /**
     * @param schema the front-matter schema for completion and hover
     * @param signer signing for the source actions; empty in a build without signing
     * @param clock  "now" for timestamps offered by completion
     */
    public MamlLanguageService(FrontMatterSchema schema, Optional<DocumentSigner> signer, Clock clock) {
        this.completion = new CompletionFeature(schema, clock);
        this.hover = new HoverFeature(schema);
        this.signer = signer;
    }

    /** The service with the bundled schema, no signing, and the system clock. */
    public static MamlLanguageService standard() {
        return new MamlLanguageService(FrontMatterSchema.bundled(), Optional.empty(), Clock.systemUTC());
    }

    /** Lints a version once per settings, however many features ask. */
    public LintOutcome lint(LspDocument doc, Linter linter) {
        return doc.memo(linter, () -> linter.lint(doc));
    }

    public List<Diagnostic> diagnostics(LspDocument doc, Linter linter, CancelChecker cancel) {
        return diagnosticsFeature(linter).diagnostics(doc, lint(doc, linter), cancel);
    }

    public CompletionList completion(LspDocument doc, Position position, CancelChecker cancel) {
        return completion.complete(doc, position, cancel);
    }

    public Hover hover(LspDocument doc, Position position, Linter linter, CancelChecker cancel) {
        return hover.hover(doc, position, lint(doc, linter), RuleDocs.of(linter.settings().docsUrl()), cancel);
    }

    /**
     * The code actions for {@code range}, without their edits when the client resolves them
     * ({@link #resolveCodeAction}); {@code log} hears about a participant that failed.
     */
    public List<org.eclipse.lsp4j.jsonrpc.messages.Either<Command, CodeAction>> codeActions(
            LspDocument doc, Range range, CodeActionContext context, Linter linter, boolean clientResolves,
            Consumer<String> log, CancelChecker cancel) {
        return actions(linter).actions(doc, range, context, linter, lint(doc, linter), clientResolves, log, cancel);
    }

    /**
     * The edit of an action {@link #codeActions} offered, for {@code doc}, the open version of its
     * document (null: closed); errors are LSP error responses ({@link CodeActionsFeature#resolve}).
     */
    public CodeAction resolveCodeAction(LspDocument doc, CodeAction action, Linter linter, Consumer<String> log,
                                        CancelChecker cancel) {
        return actions(linter).resolve(doc, action, linter, doc == null ? null : lint(doc, linter), log, cancel);
    }

    /** The document a code action is about (from its data), or null for an action this server did not make. */
    public String codeActionTarget(CodeAction action) {
        return ActionData.of(action.getData()).map(ActionData::uri).orElse(null);
    }

    /** The document a command of a code action is about (its first argument, a URI). */
    public String commandTarget(ExecuteCommandParams params) {
        List<Object> args = params.getArguments();
        if (args == null || args.isEmpty()) {
            return null;
        }
        Object first = args.get(0);
        if (first instanceof com.google.gson.JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        return first instanceof String s ? s : null;
    }

    /** Runs a code action's command on {@code doc} (null: the document is not open). */
    public CommandAnswer executeCommand(String command, LspDocument doc, Linter linter) {
        return actions(linter).execute(command, doc, linter);
    }

    public List<DocumentSymbol> symbols(LspDocument doc, CancelChecker cancel) {
        return symbols.symbols(doc, cancel);
    }

    public List<FoldingRange> folding(LspDocument doc, CancelChecker cancel) {
        return folding.ranges(doc, cancel);
    }

    /** The canonical formatting ({@link Formatter}) as one edit over what changed; none when nothing does. */
    public List<TextEdit> formatting(LspDocument doc, CancelChecker cancel) {
        String formatted = Formatter.format(doc.parsed());
        cancel.checkCanceled();
        return formatted.equals(doc.text()) ? List.of()
                : List.of(CodeActionsFeature.replaceAll(doc.parsed().lines(), doc.text(), formatted));
    }

    public List<DocumentLink> links(LspDocument doc, CancelChecker cancel) {
        return links.links(doc, cancel);
    }

    public List<Location> definition(LspDocument doc, Position position, CancelChecker cancel) {
        return links.definition(doc, position, cancel);
    }

    public SemanticTokens semanticTokens(LspDocument doc, CancelChecker cancel) {
        return tokens.tokens(doc, cancel);
    }

    /**
     * The findings of the MAML files under {@code folders} that are not {@code open}
     * ({@link WorkspaceDiagnostics}: bounded, linted as `maml lint DIR` lints them).
     */
    public List<WorkspaceDocumentDiagnosticReport> workspaceDiagnostics(List<Path> folders, Set<Path> open,
                                                                        Function<Path, Linter> linters, CancelChecker cancel) {
        return new WorkspaceDiagnostics(this::diagnosticsFeature).report(folders, open, linters, cancel);
    }

    private DiagnosticsFeature diagnosticsFeature(Linter linter) {
        return new DiagnosticsFeature(RuleDocs.of(linter.settings().docsUrl()));
    }

    private CodeActionsFeature actions(Linter linter) {
        return new CodeActionsFeature(diagnosticsFeature(linter), signer);
    }
}
