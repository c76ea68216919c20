package dev.maml.lsp.server;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.diagnostics.Linter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Routes text-document messages: notifications update the store and schedule validation on the
 * spot (they are cheap); requests run on the request pool with LSP4J's cancel checker. A request
 * about a document that is not open gets an empty answer, as lemminx does.
 */
final class MamlTextDocumentService implements TextDocumentService {

    private final DocumentStore store;
    private final MamlLanguageService service;
    private final Validator validator;
    /** The linter for a document's URI (its folder's settings). */
    private final Function<String, Linter> linter;
    private final Executor requests;
    private final BooleanSupplier clientResolves;
    private final Consumer<String> log;
    /** Completions answered on the reader thread: work the start-up warm-up must see, as it sees the pools'. */
    private final AtomicLong answeredInline = new AtomicLong();

    /**
     * @param clientResolves whether the client resolves code actions (then they come without edits)
     * @param log            what a failed code action participant is reported to (the client's log)
     */
    MamlTextDocumentService(DocumentStore store, MamlLanguageService service, Validator validator,
                            Function<String, Linter> linter, Executor requests, BooleanSupplier clientResolves,
                            Consumer<String> log) {
        this.store = store;
        this.service = service;
        this.validator = validator;
        this.linter = linter;
        this.requests = requests;
        this.clientResolves = clientResolves;
        this.log = log;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        TextDocumentItem item = params.getTextDocument();
        store.open(item.getUri(), item.getVersion(), item.getText());
        validator.schedule(item.getUri(), true);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Integer version = params.getTextDocument().getVersion();
        if (store.change(uri, version == null ? 0 : version, params.getContentChanges()) != null) {
            validator.schedule(uri, false);
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        store.close(uri);
        validator.clear(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The buffer is what we lint; saving changes nothing we see.
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = params.getTextDocument().getUri();
        BiFunction<LspDocument, CancelChecker, Either<List<CompletionItem>, CompletionList>> complete =
                (d, cancel) -> Either.forRight(service.completion(d, params.getPosition(), cancel));
        LspDocument doc = store.get(uri);
        if (doc != null && doc.isParsed()) {
            // Completing a parsed document takes tens of microseconds, less than the two thread
            // hand-offs of the request pool (the pool's wake-up, then the answer written from
            // another thread), so it is answered here on the reader thread. An unparsed one goes to
            // the pool: a parse must never hold up reading (docs/lsp.md).
            answeredInline.incrementAndGet();
            try {
                return CompletableFuture.completedFuture(complete.apply(doc, () -> { }));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return request(uri, Either.forRight(new CompletionList(List.of())), complete);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return request(params.getTextDocument().getUri(), null,
                (doc, cancel) -> service.hover(doc, params.getPosition(), linter.apply(doc.uri()), cancel));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return request(params.getTextDocument().getUri(), List.of(),
                (doc, cancel) -> service.codeActions(doc, params.getRange(), params.getContext(), linter.apply(doc.uri()),
                        clientResolves.getAsBoolean(), log, cancel));
    }

    /** The edit of an offered action, for the document's open version; a closed or changed document is an error. */
    @Override
    public CompletableFuture<CodeAction> resolveCodeAction(CodeAction unresolved) {
        return CompletableFutures.computeAsync(requests, cancel -> {
            String uri = service.codeActionTarget(unresolved);
            LspDocument doc = uri == null ? null : store.get(uri);
            return service.resolveCodeAction(doc, unresolved, linter.apply(uri), log, cancel);
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return request(params.getTextDocument().getUri(), List.of(),
                (doc, cancel) -> service.symbols(doc, cancel).stream()
                        .map(s -> Either.<SymbolInformation, DocumentSymbol>forRight(s)).toList());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return request(params.getTextDocument().getUri(), List.of(), (doc, cancel) -> service.folding(doc, cancel));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return request(params.getTextDocument().getUri(), List.of(), (doc, cancel) -> service.formatting(doc, cancel));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return request(params.getTextDocument().getUri(), List.of(), (doc, cancel) -> service.links(doc, cancel));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return request(params.getTextDocument().getUri(), Either.forLeft(List.of()),
                (doc, cancel) -> Either.forLeft(service.definition(doc, params.getPosition(), cancel)));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return request(params.getTextDocument().getUri(), new SemanticTokens(List.of()),
                (doc, cancel) -> service.semanticTokens(doc, cancel));
    }

    /**
     * Always an empty report: open documents get their findings pushed (textDocument/publishDiagnostics,
     * debounced per version), and a client that also pulls would list each finding twice. An empty
     * pull result also replaces what workspace/diagnostic said of the file before it was opened.
     */
    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        return CompletableFuture.completedFuture(new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of())));
    }

    long answeredInline() {
        return answeredInline.get();
    }

    private <T> CompletableFuture<T> request(String uri, T ifNotOpen, BiFunction<LspDocument, CancelChecker, T> work) {
        return CompletableFutures.computeAsync(requests, cancel -> {
            LspDocument doc = store.get(uri);
            return doc == null ? ifNotOpen : work.apply(doc, cancel);
        });
    }
}
