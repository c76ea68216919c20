package dev.maml.lsp;

import static dev.maml.lsp.MamlAssert.assertCodeActions;
import static dev.maml.lsp.MamlAssert.ca;
import static dev.maml.lsp.MamlAssert.te;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.lsp.actions.ActionData;
import dev.maml.lsp.actions.CodeActionsFeature;
import dev.maml.lsp.actions.DocumentSigner;
import dev.maml.lsp.actions.VerificationResult;
import dev.maml.lsp.diagnostics.DiagnosticsFeature;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.lsp.diagnostics.RuleDocs;
import dev.maml.model.FileKind;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Linting;
import dev.maml.toolchain.Resolution;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
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
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

class CodeActionsTest {

    /** A complete document, so that its one finding is the trailing whitespace after the first `---`. */
    static final String CLEAN = "---\nmaml_version: \"2.0.0\"\nid: \"urn:uuid:3b241101-e2bb-4255-8caf-4136c566a962\"\n"
            + "type: workflow\norigin: \"agent://research-agent\"\npermissions:\n  read: [\"agent://*\"]\n"
            + "  write: [\"agent://research-agent\"]\n  execute: [\"gateway://local\"]\ncreated_at: 2026-11-25T12:00:00Z\n---\n"
            + "## Intent\nSummarise the daily sensor log.\n\n## Context\ndataset: sensors.csv\n";
    private static final String TRAILING = "---  " + CLEAN.substring(3);

    @Test
    void quickFixForTheFindingUnderTheCursor() {
        assertCodeActions("---|" + TRAILING.substring(3), List.of("quickfix"),
                ca("Remove the trailing whitespace", te(0, 3, 0, 5, "")), DISABLE_TRAILING);
        assertCodeActions(TRAILING.replace("sensor log.", "sensor log.|"), List.of("quickfix"));
        assertCodeActions("---|" + TRAILING.substring(3), null,
                ca("Remove the trailing whitespace", te(0, 3, 0, 5, "")),
                ca("Fix all MAML problems (1)", te(0, 3, 0, 5, "")), DISABLE_TRAILING);
    }

    /** The opening `---` cannot have a comment above it: its findings are disabled for the file. */
    private static final CodeAction DISABLE_TRAILING = ca("Disable MAML091 for this file",
            te(11, 0, 11, 0, "<!-- maml-lint-disable-file MAML091 -->\n"));

    @Test
    void unsafeFixesAreOfferedButNotPreferred() {
        LspDocument safe = new LspDocument(MamlAssert.URI, 1, TRAILING);
        assertEquals(Boolean.TRUE, offer(MamlAssert.service(), safe, at(0, 4), List.of("quickfix"), true).get(0).getIsPreferred());
        // A slug for an id: the only fix is a new random id, which `maml lint --fix` leaves to --unsafe-fixes.
        String slug = CLEAN.replace("\"urn:uuid:3b241101-e2bb-4255-8caf-4136c566a962\"", "drone-001");
        LspDocument unsafe = new LspDocument(MamlAssert.URI, 1, slug);
        List<CodeAction> offered = offer(MamlAssert.service(), unsafe, at(2, 5), List.of("quickfix"), true).stream()
                .filter(a -> !a.getTitle().startsWith("Disable ")).toList(); // the fixes, not the disable comment
        assertEquals(List.of("Replace with a new random UUID"), offered.stream().map(CodeAction::getTitle).toList());
        assertEquals(Boolean.FALSE, offered.get(0).getIsPreferred());
    }

    @Test
    void offeredActionsCarryTheirDataAndNoEdit() {
        LspDocument doc = new LspDocument(MamlAssert.URI, 7, TRAILING);
        List<CodeAction> offered = offer(MamlAssert.service(), doc, at(0, 4), null, true);
        assertEquals(List.of("Remove the trailing whitespace", "Fix all MAML problems (1)", "Disable MAML091 for this file"),
                offered.stream().map(CodeAction::getTitle).toList());
        for (CodeAction a : offered) {
            assertNull(a.getEdit(), a.getTitle());
            ActionData data = ActionData.of(a.getData()).orElseThrow();
            assertEquals(MamlAssert.URI, data.uri());
            assertEquals(7, data.version());
        }
    }

    @Test
    void aClientThatCannotResolveGetsQuickFixEditsAtOnceAndFixAllOnlyWhenItAsks() {
        LspDocument doc = MamlAssert.doc(TRAILING);
        List<CodeAction> plain = offer(MamlAssert.service(), doc, at(0, 4), null, false);
        CodeAction fix = plain.stream().filter(a -> a.getTitle().equals("Remove the trailing whitespace")).findFirst()
                .orElseThrow();
        assertEquals(List.of(te(0, 3, 0, 5, "")), fix.getEdit().getChanges().get(MamlAssert.URI));
        assertTrue(plain.stream().noneMatch(a -> a.getKind().equals(CodeActionsFeature.FIX_ALL_KIND)),
                "a light-bulb request does not run the fix-all passes");

        List<CodeAction> asked = offer(MamlAssert.service(), doc, at(0, 4), List.of("source.fixAll"), false);
        assertEquals(1, asked.size(), asked::toString);
        assertEquals(CLEAN, Edits.apply(TRAILING, asked.get(0).getEdit().getChanges().get(MamlAssert.URI)));
    }

    @Test
    void fixAllGivesWhatLintFixGives() {
        String text = "# Title without front matter\n\n## Intent\nx\n";
        LspDocument doc = MamlAssert.doc(text);
        List<CodeAction> actions = offer(MamlAssert.service(), doc, at(3, 0), List.of(CodeActionsFeature.FIX_ALL_KIND), true);
        assertEquals(1, actions.size(), actions::toString);
        CodeAction all = resolve(MamlAssert.service(), doc, actions.get(0));
        String fixed = Edits.apply(text, all.getEdit().getChanges().get(MamlAssert.URI));
        // The skeleton gets a fresh random id each time; everything else must be the same.
        assertEquals(noUuid(Linting.fix(text, FileKind.DOCUMENT, LintSettings.DEFAULTS, false).text()), noUuid(fixed));
        assertTrue(fixed.startsWith("---\n"), fixed);
    }

    @Test
    void aChangedDocumentGetsNoEditFromAnOldAction() {
        LspDocument v1 = MamlAssert.doc(TRAILING);
        CodeAction fix = offer(MamlAssert.service(), v1, at(0, 4), List.of("quickfix"), true).get(0);
        LspDocument v2 = v1.withText(2, "x" + TRAILING);
        ResponseErrorException stale = assertThrows(ResponseErrorException.class, () -> resolve(MamlAssert.service(), v2, fix));
        assertEquals(ResponseErrorCode.ContentModified.getValue(), stale.getResponseError().getCode());
        assertNull(fix.getEdit());
        ResponseErrorException closed = assertThrows(ResponseErrorException.class,
                () -> MamlAssert.service().resolveCodeAction(null, fix, MamlAssert.linter(), MamlAssert::noProblem, MamlAssert.NEVER));
        assertEquals(ResponseErrorCode.ContentModified.getValue(), closed.getResponseError().getCode());

        CodeAction foreign = new CodeAction("Not ours");
        ResponseErrorException invalid = assertThrows(ResponseErrorException.class, () -> resolve(MamlAssert.service(), v1, foreign));
        assertEquals(ResponseErrorCode.InvalidParams.getValue(), invalid.getResponseError().getCode());
    }

    @Test
    void signingActionsGoThroughTheSignerOnlyWhenResolved() {
        FakeSigner signer = new FakeSigner();
        MamlLanguageService service = MamlAssert.service(Optional.of(signer));
        Linter linter = signingLinter("keys/me.key");
        LspDocument doc = new LspDocument("file:///work/project/doc.maml.md", 3, TRAILING);
        List<CodeAction> actions = service.codeActions(doc, at(3, 0), new CodeActionContext(List.of(),
                        List.of("source.maml")), linter, true, MamlAssert::noProblem, MamlAssert.NEVER)
                .stream().map(Either::getRight).toList();
        assertEquals(List.of("Sign document", "Verify signature", "Create receipt"),
                actions.stream().map(CodeAction::getTitle).toList());
        assertEquals(List.of(), signer.calls, "offering signs nothing and drafts no receipt");

        CodeAction sign = service.resolveCodeAction(doc, actions.get(0), linter, MamlAssert::noProblem, MamlAssert.NEVER);
        String signed = Edits.apply(TRAILING, sign.getEdit().getChanges().get(doc.uri()));
        assertEquals(TRAILING + "<!-- signed with /work/project/keys/me.key -->\n", signed);
        assertEquals(List.of(Path.of("/work/project/keys/team.pub")), signer.sessions.get(0).trust().keys());

        assertEquals("maml.verifySignature", actions.get(1).getCommand().getCommand());
        VerificationResult verified = (VerificationResult) service.executeCommand("maml.verifySignature", doc, linter);
        assertEquals(new VerificationResult("valid", true, true, "ml-dsa-65", "ab12", "fake", "valid: fake for doc.maml.md"),
                verified);

        CodeAction receipt = service.resolveCodeAction(doc, actions.get(2), linter, MamlAssert::noProblem, MamlAssert.NEVER);
        List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes = receipt.getEdit().getDocumentChanges();
        assertEquals("file:///work/project/doc.mu", ((CreateFile) changes.get(0).getRight()).getUri());
        assertEquals("receipt of " + TRAILING.length() + " chars", changes.get(1).getLeft().getEdits().get(0).getLeft().getNewText());
        assertEquals(List.of("sign", "verify", "receipt"), signer.calls);
    }

    @Test
    void signingWithoutAKeyIsDisabledAtOnceAndAFailedSignatureIsAnErrorResponse() {
        FakeSigner signer = new FakeSigner();
        MamlLanguageService service = MamlAssert.service(Optional.of(signer));
        LspDocument doc = new LspDocument("file:///work/project/doc.maml.md", 3, TRAILING);
        CodeAction keyless = service.codeActions(doc, at(3, 0), new CodeActionContext(List.of(), List.of("source.maml.sign")),
                signingLinter(null), true, MamlAssert::noProblem, MamlAssert.NEVER).get(0).getRight();
        assertEquals(DocumentSigner.NO_KEY, keyless.getDisabled().getReason());

        Linter broken = signingLinter("keys/broken.key");
        CodeAction sign = service.codeActions(doc, at(3, 0), new CodeActionContext(List.of(), List.of("source.maml.sign")),
                broken, true, MamlAssert::noProblem, MamlAssert.NEVER).get(0).getRight();
        ResponseErrorException failed = assertThrows(ResponseErrorException.class,
                () -> service.resolveCodeAction(doc, sign, broken, MamlAssert::noProblem, MamlAssert.NEVER));
        assertEquals(ResponseErrorCode.RequestFailed.getValue(), failed.getResponseError().getCode());
        assertEquals("maml: Sign document: cannot read keys/broken.key", failed.getResponseError().getMessage());
    }

    @Test
    void unsignedFindingGetsSigningAsItsQuickFix() {
        LspDocument doc = new LspDocument("file:///work/project/doc.maml.md", 1, TRAILING);
        // MAML070 comes from the signing rules (merged separately); a finding of it is made here by hand.
        LintOutcome lint = new LintOutcome(new Resolution.Lint(LintSettings.DEFAULTS), new LintResult(doc.parsed(),
                List.of(Diagnostic.of(RuleId.MAML070, "document is not signed", dev.maml.model.Range.of(0, 3)))));
        CodeActionsFeature feature = new CodeActionsFeature(new DiagnosticsFeature(RuleDocs.of(null)),
                Optional.of(new FakeSigner()));
        Linter linter = signingLinter("keys/me.key");
        List<CodeAction> actions = feature.actions(doc, at(0, 1), new CodeActionContext(List.of(), List.of("quickfix")),
                linter, lint, true, MamlAssert::noProblem, MamlAssert.NEVER).stream().map(Either::getRight).toList();
        assertEquals(List.of("Sign document", "Disable MAML070 for this file"),
                actions.stream().map(CodeAction::getTitle).toList(), actions::toString);
        assertEquals("MAML070", actions.get(0).getDiagnostics().get(0).getCode().getLeft());
        CodeAction resolved = feature.resolve(doc, actions.get(0), linter, lint, MamlAssert::noProblem, MamlAssert.NEVER);
        assertTrue(Edits.apply(TRAILING, resolved.getEdit().getChanges().get(doc.uri())).contains("<!-- signed with "));
    }

    @Test
    void noSigningActionsWithoutASigner() {
        assertTrue(offer(MamlAssert.service(), MamlAssert.doc(TRAILING), at(3, 0), List.of("source"), true).stream()
                .noneMatch(a -> a.getKind().startsWith("source.maml")));
    }

    private static Linter signingLinter(String key) {
        return new Linter(new ServerSettings(null, Map.of(), key, "keys/me.pub", List.of("keys/team.pub"), null, 200),
                Path.of("/work/project"));
    }

    private static List<CodeAction> offer(MamlLanguageService service, LspDocument doc, Range range, List<String> only,
                                          boolean clientResolves) {
        return service.codeActions(doc, range, new CodeActionContext(List.of(), only), MamlAssert.linter(),
                clientResolves, MamlAssert::noProblem, MamlAssert.NEVER).stream().map(Either::getRight).toList();
    }

    private static CodeAction resolve(MamlLanguageService service, LspDocument doc, CodeAction action) {
        return service.resolveCodeAction(doc, action, MamlAssert.linter(), MamlAssert::noProblem, MamlAssert.NEVER);
    }

    private static String noUuid(String text) {
        return text.replaceAll("urn:uuid:[0-9a-f-]{36}", "urn:uuid:UUID");
    }

    private static Range at(int line, int character) {
        return new Range(new Position(line, character), new Position(line, character));
    }

    /** Stands in for ML-DSA signing; records what it was given and which operations ran. */
    static final class FakeSigner implements DocumentSigner {
        final List<Session> sessions = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Outcome sign(Source document, Session session) {
            calls.add("sign");
            sessions.add(session);
            Path key = session.identity().key();
            if (key.getFileName().toString().equals("broken.key")) {
                return Outcome.failed("cannot read keys/broken.key");
            }
            return new Outcome(document.text() + "<!-- signed with " + key + " -->\n", null, "signed");
        }

        @Override
        public VerificationResult verify(Source document, Session session) {
            calls.add("verify");
            return new VerificationResult("valid", true, true, "ml-dsa-65", "ab12", "fake",
                    "valid: fake for " + document.path().getFileName());
        }

        @Override
        public Outcome receipt(Source document, Session session) {
            calls.add("receipt");
            Path mu = document.path().resolveSibling(document.path().getFileName().toString().replace(".maml.md", ".mu"));
            return new Outcome("receipt of " + document.text().length() + " chars", mu, "receipt");
        }
    }
}
