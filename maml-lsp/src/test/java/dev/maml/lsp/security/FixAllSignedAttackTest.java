package dev.maml.lsp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.Edits;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlAssert;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.actions.CodeActionsFeature;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the editor's "Fix all" rewrote a signed document, and its signature silently stopped
 * verifying. Fix all now applies safe fixes only (Ruff's semantics, as `maml lint --fix`), and on a
 * signed document every fix is unsafe: Fix all leaves it alone. The fix stays available as its own
 * quick fix, which says in its title that it invalidates the signature and, after the edit, runs
 * the command that tells the user what to sign again.
 */
class FixAllSignedAttackTest {

    /** A signed document (the signature need not be valid to be broken) with a fixable finding: `---  `. */
    static final String SIGNED = "---  \nmaml_version: \"2.0.0\"\nverification:\n  method: ml-dsa-65\n"
            + "  signature: \"AAAA\"\n---\n## Intent\nx\n";
    static final String UNSIGNED = "---  \nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n";
    /** A safe fix (the trailing spaces) and an unsafe one (MAML012: a new random id in place of "slug"). */
    static final String SLUG_ID = "---  \nmaml_version: \"2.0.0\"\nid: \"slug\"\n---\n## Intent\nx\n";

    private static List<CodeAction> offer(MamlLanguageService service, LspDocument doc, String kind) {
        return service.codeActions(doc, new Range(new Position(0, 0), new Position(0, 0)),
                new CodeActionContext(List.of(), List.of(kind)), MamlAssert.linter(), true, MamlAssert::noProblem,
                MamlAssert.NEVER).stream().map(Either::getRight).toList();
    }

    private static CodeAction resolve(MamlLanguageService service, LspDocument doc, CodeAction action) {
        return service.resolveCodeAction(doc, action, MamlAssert.linter(), MamlAssert::noProblem, MamlAssert.NEVER);
    }

    @Test
    void fixAllLeavesASignedDocumentAloneAndItsQuickFixWarnsAndSaysWhatToReSign() {
        MamlLanguageService service = MamlAssert.service();
        LspDocument doc = new LspDocument("file:///work/project/drone.maml.md", 1, SIGNED);
        assertEquals(List.of(), offer(service, doc, CodeActionsFeature.FIX_ALL_KIND), "no safe fix on a signed document");

        // The rules' fixes and the disable comments alike: each is an edit of the signed bytes.
        List<CodeAction> quick = offer(service, doc, CodeActionKind.QuickFix);
        assertTrue(quick.stream().anyMatch(a -> a.getTitle().startsWith("Disable ")), quick::toString);
        assertTrue(quick.stream().anyMatch(a -> !a.getTitle().startsWith("Disable ")), quick::toString);
        for (CodeAction each : quick) {
            assertTrue(each.getTitle().endsWith("; invalidates the signature"), each.getTitle());
            assertFalse(Boolean.TRUE.equals(each.getIsPreferred()), "never applied by a fix on save: " + each.getTitle());
            assertEquals(CodeActionsFeature.RESIGN_COMMAND, each.getCommand().getCommand(), each.getTitle());
        }
        CodeAction fix = resolve(service, doc, quick.get(0));
        assertFalse(fix.getEdit().getChanges().get(doc.uri()).isEmpty());
        assertEquals(CodeActionsFeature.RESIGN_COMMAND, fix.getCommand().getCommand());
        String message = service.executeCommand(fix.getCommand().getCommand(), doc, MamlAssert.linter()).message();
        assertTrue(message.contains("/work/project/drone.maml.md: the fixes changed the signed bytes"), message);
        assertTrue(message.contains("maml sign /work/project/drone.maml.md --key"), message);
    }

    @Test
    void anUnsignedDocumentIsFixedWithoutTheWarning() {
        MamlLanguageService service = MamlAssert.service();
        LspDocument doc = new LspDocument("file:///work/project/d.maml.md", 1, UNSIGNED);
        List<CodeAction> all = offer(service, doc, CodeActionsFeature.FIX_ALL_KIND);
        assertEquals(1, all.size(), all::toString);
        assertTrue(all.get(0).getTitle().matches("Fix all MAML problems \\(\\d+\\)"), all.get(0).getTitle());
        assertNull(all.get(0).getCommand());
        assertFalse(resolve(service, doc, all.get(0)).getEdit().getChanges().get(doc.uri()).isEmpty());
        CodeAction quick = offer(service, doc, CodeActionKind.QuickFix).get(0);
        assertFalse(quick.getTitle().contains("signature"), quick.getTitle());
        assertNull(quick.getCommand());
    }

    @Test
    void fixAllAppliesTheSafeFixesAndLeavesTheUnsafeOneToItsQuickFix() {
        MamlLanguageService service = MamlAssert.service();
        LspDocument doc = new LspDocument("file:///work/project/s.maml.md", 1, SLUG_ID);
        List<CodeAction> all = offer(service, doc, CodeActionsFeature.FIX_ALL_KIND);
        List<TextEdit> edits = resolve(service, doc, all.get(0)).getEdit().getChanges().get(doc.uri());
        String fixed = Edits.apply(SLUG_ID, edits);
        assertTrue(fixed.startsWith("---\n"), fixed);
        assertTrue(fixed.contains("id: \"slug\""), "the unsafe fix (a new random id) is not applied: " + fixed);

        List<CodeAction> onId = service.codeActions(doc, new Range(new Position(2, 5), new Position(2, 5)),
                new CodeActionContext(List.of(), List.of(CodeActionKind.QuickFix)), MamlAssert.linter(), true,
                MamlAssert::noProblem, MamlAssert.NEVER).stream().map(Either::getRight).toList();
        assertTrue(onId.stream().anyMatch(a -> a.getTitle().contains("UUID") && !Boolean.TRUE.equals(a.getIsPreferred())),
                "the unsafe fix is still offered on its own, not preferred: " + onId);
    }
}
