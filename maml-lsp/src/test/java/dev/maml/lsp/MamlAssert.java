package dev.maml.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.maml.lsp.actions.DocumentSigner;
import dev.maml.lsp.completion.FrontMatterSchema;
import dev.maml.lsp.diagnostics.Linter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * lemminx-style assertions against the transport-free service: {@code |} marks the cursor,
 * {@code d(line, col, endCol, "MAML040")} an expected diagnostic on one line (0-based, UTF-16),
 * {@code ca("title", te(...), ...)} an expected code action with the edits it makes,
 * {@code te(line, col, endLine, endCol, "text")} one expected text edit.
 */
public final class MamlAssert {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    public static final FrontMatterSchema SCHEMA = FrontMatterSchema.bundled();
    public static final CancelChecker NEVER = () -> { };
    static final String URI = "untitled:Untitled-1";

    private MamlAssert() {
    }

    public static MamlLanguageService service() {
        return service(Optional.empty());
    }

    public static MamlLanguageService service(Optional<DocumentSigner> signer) {
        return new MamlLanguageService(SCHEMA, signer, CLOCK);
    }

    public static Linter linter() {
        return new Linter(ServerSettings.DEFAULTS, Path.of("").toAbsolutePath());
    }

    public static LspDocument doc(String text) {
        return new LspDocument(URI, 1, text);
    }

    /** The text without its cursor mark, and the mark's position. */
    public record Cursor(String text, Position position) {
        public static Cursor of(String marked) {
            int at = marked.indexOf('|');
            if (at < 0) {
                throw new IllegalArgumentException("no | in " + marked);
            }
            String before = marked.substring(0, at);
            int line = (int) before.chars().filter(c -> c == '\n').count();
            int character = at - (before.lastIndexOf('\n') + 1);
            return new Cursor(before + marked.substring(at + 1), new Position(line, character));
        }
    }

    public static Diagnostic d(int line, int col, int endCol, String code) {
        return d(line, col, line, endCol, code);
    }

    public static Diagnostic d(int line, int col, int endLine, int endCol, String code) {
        Diagnostic d = new Diagnostic();
        d.setRange(new Range(new Position(line, col), new Position(endLine, endCol)));
        d.setCode(code);
        return d;
    }

    /**
     * The diagnostics of the rules named in {@code expected} are exactly these (range and code);
     * other rules are not looked at, so a test stays about the rules it names.
     */
    public static void assertDiagnostics(String text, Diagnostic... expected) {
        List<Diagnostic> actual = service().diagnostics(doc(text), linter(), NEVER);
        for (Diagnostic d : actual) {
            assertEquals("maml", d.getSource());
            assertNotNull(d.getMessage());
        }
        Set<String> codes = Arrays.stream(expected).map(d -> d.getCode().getLeft()).collect(Collectors.toSet());
        assertEquals(describe(Arrays.asList(expected)),
                describe(actual.stream().filter(d -> codes.contains(d.getCode().getLeft())).toList()));
    }

    public static List<CompletionItem> completion(String marked) {
        Cursor c = Cursor.of(marked);
        return service().completion(doc(c.text()), c.position(), NEVER).getItems();
    }

    public static void assertCompletion(String marked, String... labels) {
        Set<String> actual = completion(marked).stream().map(CompletionItem::getLabel).collect(Collectors.toSet());
        for (String label : labels) {
            assertTrue(actual.contains(label), () -> "no completion " + label + " in " + actual);
        }
    }

    public static void assertNoCompletion(String marked, String label) {
        Set<String> actual = completion(marked).stream().map(CompletionItem::getLabel).collect(Collectors.toSet());
        assertTrue(!actual.contains(label), () -> "unexpected completion " + label + " in " + actual);
    }

    public static Hover hover(String marked) {
        Cursor c = Cursor.of(marked);
        return service().hover(doc(c.text()), c.position(), linter(), NEVER);
    }

    /** The hover at the cursor is exactly {@code markdown} (the whole content, not a part of it). */
    public static void assertHoverEquals(String marked, String markdown) {
        Hover h = hover(marked);
        assertNotNull(h, "no hover");
        assertEquals(MarkupKind.MARKDOWN, h.getContents().getRight().getKind());
        assertEquals(markdown, h.getContents().getRight().getValue());
    }

    public static TextEdit te(int line, int col, int endLine, int endCol, String newText) {
        return new TextEdit(new Range(new Position(line, col), new Position(endLine, endCol)), newText);
    }

    /** An expected code action: its title and its edits to the test document. */
    public static CodeAction ca(String title, TextEdit... edits) {
        CodeAction a = new CodeAction(title);
        a.setEdit(new WorkspaceEdit(Map.of(URI, List.of(edits))));
        return a;
    }

    /**
     * The code actions at the cursor of {@code marked} (of the kinds in {@code only}; none: every
     * kind) are exactly {@code expected}, in order: titles and edits, each edit obtained as an
     * editor that resolves gets it, through {@link MamlLanguageService#resolveCodeAction}.
     */
    public static void assertCodeActions(String marked, List<String> only, CodeAction... expected) {
        Cursor c = Cursor.of(marked);
        LspDocument doc = doc(c.text());
        MamlLanguageService service = service();
        List<CodeAction> offered = service.codeActions(doc, new Range(c.position(), c.position()),
                new CodeActionContext(List.of(), only), linter(), true, MamlAssert::noProblem, NEVER)
                .stream().map(Either::getRight).toList();
        assertTrue(offered.stream().allMatch(a -> a.getEdit() == null), "a resolving client gets no edits up front");
        List<CodeAction> resolved = offered.stream()
                .map(a -> service.resolveCodeAction(doc, a, linter(), MamlAssert::noProblem, NEVER)).toList();
        assertEquals(describeActions(Arrays.asList(expected)), describeActions(resolved));
    }

    /** For a participant log that must stay silent. */
    public static void noProblem(String message) {
        throw new AssertionError("a code action participant failed: " + message);
    }

    private static String describeActions(List<CodeAction> actions) {
        return actions.stream().map(a -> a.getTitle() + a.getEdit().getChanges().getOrDefault(URI, List.of()).stream()
                .map(e -> "\n  " + e.getRange().getStart().getLine() + ":" + e.getRange().getStart().getCharacter() + "-"
                        + e.getRange().getEnd().getLine() + ":" + e.getRange().getEnd().getCharacter() + " "
                        + new JsonPrimitive(e.getNewText()))
                .collect(Collectors.joining())).collect(Collectors.joining("\n"));
    }

    public static void assertHover(String marked, String expected) {
        Hover h = hover(marked);
        assertNotNull(h, "no hover");
        String value = h.getContents().getRight().getValue();
        assertTrue(value.contains(expected), () -> "hover lacks '" + expected + "':\n" + value);
    }

    private static String describe(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.getCode().getLeft() + "@" + d.getRange().getStart().getLine() + ":"
                + d.getRange().getStart().getCharacter() + "-" + d.getRange().getEnd().getLine() + ":"
                + d.getRange().getEnd().getCharacter()).sorted().collect(Collectors.joining("\n"));
    }
}
