package dev.maml.lsp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlAssert;
import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.actions.CodeActionsFeature;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the editor's "Fix all" rewrote a signed document, and its signature silently stopped
 * verifying. The action must say so in its title, and the command it runs after the edit must
 * tell the user what to re-sign.
 */
class FixAllSignedAttackTest {

    /** A signed document (the signature need not be valid to be broken) with a fixable finding: `---  `. */
    static final String SIGNED = "---  \nmaml_version: \"2.0.0\"\nverification:\n  method: ml-dsa-65\n"
            + "  signature: \"AAAA\"\n---\n## Intent\nx\n";
    static final String UNSIGNED = "---  \nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n";

    /** The fix-all action as offered (title, command), and resolved: it must still change the document. */
    static CodeAction fixAll(MamlLanguageService service, LspDocument doc) {
        List<CodeAction> actions = service.codeActions(doc, new Range(new Position(0, 0), new Position(0, 0)),
                new CodeActionContext(List.of(), List.of(CodeActionsFeature.FIX_ALL_KIND)), MamlAssert.linter(),
                true, MamlAssert::noProblem, MamlAssert.NEVER).stream().map(Either::getRight).toList();
        assertEquals(1, actions.size(), actions::toString);
        CodeAction all = service.resolveCodeAction(doc, actions.get(0), MamlAssert.linter(), MamlAssert::noProblem,
                MamlAssert.NEVER);
        assertFalse(all.getEdit().getChanges().get(doc.uri()).isEmpty());
        return all;
    }

    @Test
    void fixAllOfASignedDocumentWarnsAndSaysWhatToReSign() {
        MamlLanguageService service = MamlAssert.service();
        LspDocument doc = new LspDocument("file:///work/project/drone.maml.md", 1, SIGNED);
        CodeAction all = fixAll(service, doc);
        assertTrue(all.getTitle().endsWith("; invalidates the signature"), all.getTitle());
        assertEquals(CodeActionsFeature.RESIGN_COMMAND, all.getCommand().getCommand());
        String message = service.executeCommand(all.getCommand().getCommand(), doc, MamlAssert.linter()).message();
        assertTrue(message.contains("/work/project/drone.maml.md: the fixes changed the signed bytes"), message);
        assertTrue(message.contains("maml sign /work/project/drone.maml.md --key"), message);
    }

    @Test
    void anUnsignedDocumentIsFixedWithoutTheWarning() {
        CodeAction all = fixAll(MamlAssert.service(), new LspDocument("file:///work/project/d.maml.md", 1, UNSIGNED));
        assertTrue(all.getTitle().matches("Fix all MAML problems \\(\\d+\\)"), all.getTitle());
        assertNull(all.getCommand());
    }
}
