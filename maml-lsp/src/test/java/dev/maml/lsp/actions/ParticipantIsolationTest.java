package dev.maml.lsp.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.MamlAssert;
import dev.maml.lsp.diagnostics.DiagnosticsFeature;
import dev.maml.toolchain.LintOutcome;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.lsp.diagnostics.RuleDocs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

/** A participant that throws is logged and leaves the actions of the others in place. */
class ParticipantIsolationTest {

    private static final String TRAILING = "---  \nmaml_version: \"2.0.0\"\n---\n## Intent\nx\n";
    private static final Range START = new Range(new Position(0, 4), new Position(0, 4));

    private final List<String> log = new ArrayList<>();
    private final LspDocument doc = MamlAssert.doc(TRAILING);
    private final Linter linter = MamlAssert.linter();
    private final LintOutcome lint = linter.lint(doc);

    @Test
    void aParticipantThatThrowsWhenOfferingIsLoggedAndTheOthersStillAnswer() {
        CodeActionsFeature feature = feature(new Broken(true), new QuickFixes(), new FixAll());
        List<String> titles = titles(feature.actions(doc, START, new CodeActionContext(List.of()), linter, lint, true,
                log::add, MamlAssert.NEVER));
        assertTrue(titles.contains("Remove the trailing whitespace"), titles::toString);
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Fix all MAML problems")), titles::toString);
        assertEquals(List.of("maml: the code action participant \"broken\" failed: java.lang.IllegalStateException: "
                + "offer broke"), log);
    }

    @Test
    void aParticipantThatThrowsWhenResolvingIsAnInternalErrorAndLogged() {
        CodeActionsFeature feature = feature(new Broken(false), new QuickFixes());
        List<CodeAction> offered = feature.actions(doc, START, new CodeActionContext(List.of()), linter, lint, true,
                log::add, MamlAssert.NEVER).stream().map(Either::getRight).toList();
        ResponseErrorException e = assertThrows(ResponseErrorException.class,
                () -> feature.resolve(doc, offered.get(0), linter, lint, log::add, MamlAssert.NEVER));
        assertEquals(ResponseErrorCode.InternalError.getValue(), e.getResponseError().getCode());
        assertEquals("maml: the code action participant \"broken\" failed; see the MAML output log",
                e.getResponseError().getMessage());
        assertEquals(1, log.size(), log::toString);
        // The quick fix of the other participant still resolves.
        assertTrue(feature.resolve(doc, offered.get(1), linter, lint, log::add, MamlAssert.NEVER).getEdit() != null);
    }

    @Test
    void forAClientThatCannotResolveAParticipantThatThrowsLosesOnlyItsOwnActions() {
        CodeActionsFeature feature = feature(new Broken(false), new QuickFixes());
        List<String> titles = titles(feature.actions(doc, START, new CodeActionContext(List.of()), linter, lint, false,
                log::add, MamlAssert.NEVER));
        assertTrue(titles.contains("Remove the trailing whitespace"), titles::toString);
        assertTrue(!titles.contains("Broken fix"), titles::toString);
        assertEquals(List.of("maml: the code action participant \"broken\" failed: java.lang.IllegalStateException: "
                + "resolve broke"), log);
    }

    private static CodeActionsFeature feature(ActionParticipant... participants) {
        return new CodeActionsFeature(new DiagnosticsFeature(RuleDocs.of(null)), Optional.empty(), List.of(participants));
    }

    private static List<String> titles(List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions) {
        return actions.stream().map(Either::getRight).map(CodeAction::getTitle).toList();
    }

    /** Offers one cheap quick fix, or throws when offering; throws when resolving. */
    private static final class Broken extends ActionParticipant {
        private final boolean failsToOffer;

        Broken(boolean failsToOffer) {
            super("broken", true);
            this.failsToOffer = failsToOffer;
        }

        @Override
        List<CodeAction> offer(ActionRequest request) {
            if (failsToOffer) {
                throw new IllegalStateException("offer broke");
            }
            return List.of(request.action("Broken fix", "quickfix", name(), "x"));
        }

        @Override
        Resolution resolve(ActionRequest request, ActionData data) {
            throw new IllegalStateException("resolve broke");
        }
    }
}
