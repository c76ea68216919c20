package dev.maml.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.lsp.actions.CodeActionsFeature;
import dev.maml.lsp.actions.DocumentSigner;
import dev.maml.lsp.diagnostics.DiagnosticsFeature;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.lsp.diagnostics.RuleDocs;
import dev.maml.model.FileKind;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Linting;
import dev.maml.toolchain.Resolution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

class CodeActionsTest {

    private static final String TRAILING = "---  \nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n";

    @Test
    void quickFixForTheFindingUnderTheCursor() {
        List<CodeAction> actions = actions(MamlAssert.service(), TRAILING, at(0, 4), null);
        CodeAction fix = actions.stream().filter(a -> a.getKind().equals("quickfix"))
                .filter(a -> a.getDiagnostics().get(0).getCode().getLeft().equals("MAML091")).findFirst().orElseThrow();
        assertEquals("MAML091", fix.getDiagnostics().get(0).getCode().getLeft());
        String fixed = Edits.apply(TRAILING, fix.getEdit().getChanges().get(MamlAssert.URI));
        assertTrue(fixed.startsWith("---\nmaml_version"), fixed);
        assertTrue(actions(MamlAssert.service(), TRAILING, at(3, 1), List.of("quickfix")).isEmpty());
    }

    @Test
    void fixAllGivesWhatLintFixGives() {
        String text = "# Title without front matter\n\n## Intent\nx\n";
        List<CodeAction> actions = actions(MamlAssert.service(), text, at(3, 0), List.of(CodeActionsFeature.FIX_ALL_KIND));
        assertEquals(1, actions.size(), actions::toString);
        String fixed = Edits.apply(text, actions.get(0).getEdit().getChanges().get(MamlAssert.URI));
        // The skeleton gets a fresh random id each time; everything else must be the same.
        assertEquals(noUuid(Linting.fix(text, FileKind.DOCUMENT, LintSettings.DEFAULTS).text()), noUuid(fixed));
        assertTrue(fixed.startsWith("---\n"), fixed);
    }

    @Test
    void signingActionsGoThroughTheSigner() {
        FakeSigner signer = new FakeSigner();
        MamlLanguageService service = MamlAssert.service(Optional.of(signer));
        Path cwd = Path.of("/work/project");
        Linter linter = new Linter(new ServerSettings(null, Map.of(), "keys/me.key", "keys/me.pub",
                List.of("keys/team.pub"), null, 200), cwd);
        LspDocument doc = new LspDocument("file:///work/project/doc.maml.md", 3, TRAILING);
        List<CodeAction> actions = service.codeActions(doc, at(3, 0), new CodeActionContext(List.of(),
                List.of("source.maml")), linter, MamlAssert.NEVER).stream().map(Either::getRight).toList();
        assertEquals(List.of("Sign document", "Verify signature", "Create receipt"),
                actions.stream().map(CodeAction::getTitle).toList());

        String signed = Edits.apply(TRAILING, actions.get(0).getEdit().getChanges().get(doc.uri()));
        assertEquals(TRAILING + "<!-- signed with /work/project/keys/me.key -->\n", signed);
        assertEquals(List.of(Path.of("/work/project/keys/team.pub")), signer.keys.get(0).trust());

        assertEquals("maml.verifySignature", actions.get(1).getCommand().getCommand());
        assertEquals("valid (fake) for /work/project/doc.maml.md",
                service.executeCommand("maml.verifySignature", doc, linter));

        List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes =
                actions.get(2).getEdit().getDocumentChanges();
        assertEquals("file:///work/project/doc.mu", ((CreateFile) changes.get(0).getRight()).getUri());
        assertEquals("receipt of " + TRAILING.length() + " chars", changes.get(1).getLeft().getEdits().get(0).getLeft().getNewText());
    }

    @Test
    void unsignedFindingGetsSigningAsItsQuickFix() {
        LspDocument doc = new LspDocument("file:///work/project/doc.maml.md", 1, TRAILING);
        // MAML070 comes from the signing rules (merged separately); a finding of it is made here by hand.
        LintOutcome lint = new LintOutcome(new Resolution.Lint(LintSettings.DEFAULTS), new LintResult(doc.parsed(),
                List.of(Diagnostic.of(RuleId.MAML070, "document is not signed", dev.maml.model.Range.of(0, 3)))));
        CodeActionsFeature feature = new CodeActionsFeature(new DiagnosticsFeature(RuleDocs.of(null)),
                Optional.of(new FakeSigner()));
        List<CodeAction> actions = feature.actions(doc, at(0, 1), new CodeActionContext(List.of(), List.of("quickfix")),
                MamlAssert.linter(), lint, MamlAssert.NEVER).stream().map(Either::getRight).toList();
        assertEquals(1, actions.size(), actions::toString);
        assertEquals("Sign document", actions.get(0).getTitle());
        assertEquals("MAML070", actions.get(0).getDiagnostics().get(0).getCode().getLeft());
        assertTrue(Edits.apply(TRAILING, actions.get(0).getEdit().getChanges().get(doc.uri())).contains("<!-- signed with "));
    }

    @Test
    void noSigningActionsWithoutASigner() {
        assertTrue(actions(MamlAssert.service(), TRAILING, at(3, 0), List.of("source")).stream()
                .noneMatch(a -> a.getKind().startsWith("source.maml")));
    }

    private static List<CodeAction> actions(MamlLanguageService service, String text, Range range, List<String> only) {
        return service.codeActions(MamlAssert.doc(text), range, new CodeActionContext(List.of(), only),
                MamlAssert.linter(), MamlAssert.NEVER).stream().map(Either::getRight).toList();
    }

    private static String noUuid(String text) {
        return text.replaceAll("urn:uuid:[0-9a-f-]{36}", "urn:uuid:UUID");
    }

    private static Range at(int line, int character) {
        return new Range(new Position(line, character), new Position(line, character));
    }

    /** Stands in for ML-DSA signing (it arrives with dev.maml.sign); records what it was given. */
    static final class FakeSigner implements DocumentSigner {
        final List<Keys> keys = new ArrayList<>();

        @Override
        public Outcome sign(String text, Path document, Keys k) {
            keys.add(k);
            return new Outcome(text + "<!-- signed with " + k.key() + " -->\n", null, "signed");
        }

        @Override
        public Outcome verify(String text, Path document, Keys k) {
            return new Outcome(null, null, "valid (fake) for " + document);
        }

        @Override
        public Outcome receipt(String text, Path document, Keys k) {
            Path mu = document.resolveSibling(document.getFileName().toString().replace(".maml.md", ".mu"));
            return new Outcome("receipt of " + text.length() + " chars", mu, "receipt");
        }
    }
}
