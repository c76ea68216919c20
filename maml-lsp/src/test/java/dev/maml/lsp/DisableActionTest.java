package dev.maml.lsp;

import static dev.maml.lsp.MamlAssert.assertCodeActions;
import static dev.maml.lsp.MamlAssert.ca;
import static dev.maml.lsp.MamlAssert.te;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.actions.CodeActionsFeature;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** "Disable MAMLnnn for this line": the comment written is one the linter honours, and it silences nothing else. */
class DisableActionTest {

    /** A complete document ending in "## Context\ndataset: sensors.csv\n" (line 16), so only the findings a test adds are there. */
    private static final String CLEAN = CodeActionsTest.CLEAN;
    /** CLEAN with a signature (it need not verify to be broken): three lines longer, so its last line is 19. */
    private static final String SIGNED = CLEAN.replace("created_at: 2026-11-25T12:00:00Z\n",
            "created_at: 2026-11-25T12:00:00Z\nverification:\n  method: ml-dsa-65\n  signature: \"AAAA\"\n");

    @Test
    void aBodyLineGetsANextLineCommentAboveWithItsIndentation() {
        // up to three spaces of indentation keep a heading at the top level (in a list item it would be the item's)
        assertCodeActions(CLEAN + "  ## Intnet|\n", List.of("quickfix"),
                ca("Disable MAML032 for this line", te(16, 0, 16, 0, "  <!-- maml-lint-disable-next-line MAML032 -->\n")),
                ca("Disable MAML033 for this line", te(16, 0, 16, 0, "  <!-- maml-lint-disable-next-line MAML033 -->\n")));
    }

    @Test
    void aDirectiveAlreadyAboveTheLineGetsTheIdAdded() {
        assertCodeActions(CLEAN + "<!-- maml-lint-disable-next-line MAML013 -->\n## Intnet|\n",
                List.of("quickfix"), ca("Disable MAML032 for this line", te(16, 40, 16, 40, " MAML032")),
                ca("Disable MAML033 for this line", te(16, 40, 16, 40, " MAML033")));
    }

    @Test
    void theOpeningDelimiterIsDisabledForTheFile() {
        assertCodeActions("---|  " + CLEAN.substring(3), List.of("quickfix"),
                ca("Remove the trailing whitespace", te(0, 3, 0, 5, "")),
                ca("Disable MAML091 for this file", te(11, 0, 11, 0, "<!-- maml-lint-disable-file MAML091 -->\n")));
    }

    /**
     * Issue 10: the comment is a new line of the signed bytes, so on a signed document the action
     * says, as every fix there does, that it invalidates the signature; it is never preferred and,
     * after the edit, the editor runs the command that says what to sign again.
     */
    @Test
    void onASignedDocumentTheDisableSaysItInvalidatesTheSignature() {
        String marked = SIGNED + "## Intnet|\n";
        assertCodeActions(marked, List.of("quickfix"),
                ca("Disable MAML032 for this line; invalidates the signature",
                        te(19, 0, 19, 0, "<!-- maml-lint-disable-next-line MAML032 -->\n")),
                ca("Disable MAML033 for this line; invalidates the signature",
                        te(19, 0, 19, 0, "<!-- maml-lint-disable-next-line MAML033 -->\n")));
        for (CodeAction action : quickFixesAt(marked)) {
            assertNotEquals(Boolean.TRUE, action.getIsPreferred(), action.getTitle());
            assertEquals(CodeActionsFeature.RESIGN_COMMAND, action.getCommand().getCommand(), action.getTitle());
        }
    }

    @Test
    void onAnUnsignedDocumentTheDisableCarriesNoSignatureCommand() {
        List<CodeAction> actions = quickFixesAt(CLEAN + "## Intnet|\n");
        assertEquals(2, actions.size(), actions::toString);
        for (CodeAction action : actions) {
            assertNull(action.getCommand(), action.getTitle());
            assertNotEquals(Boolean.TRUE, action.getIsPreferred(), action.getTitle());
        }
    }

    private static List<CodeAction> quickFixesAt(String marked) {
        MamlAssert.Cursor c = MamlAssert.Cursor.of(marked);
        return MamlAssert.service().codeActions(MamlAssert.doc(c.text()), new Range(c.position(), c.position()),
                        new CodeActionContext(List.of(), List.of("quickfix")), MamlAssert.linter(), true,
                        MamlAssert::noProblem, MamlAssert.NEVER).stream().map(Either::getRight).toList();
    }

    /** A directive's own findings (MAML080, MAML081) cannot be suppressed inline: no disable offer, only the fix. */
    @Test
    void anUnusedDirectiveGetsItsRemovalNotAnotherDirective() {
        String text = CLEAN + "<!-- maml-lint-disable-next-line MAML013 nosuch-rule -->\nplain text\n";
        LspDocument doc = new LspDocument(MamlAssert.URI, 1, text);
        MamlLanguageService service = MamlAssert.service();
        List<Diagnostic> findings = service.diagnostics(doc, MamlAssert.linter(), MamlAssert.NEVER);
        List<String> rules = findings.stream().map(d -> d.getCode().getLeft()).sorted().toList();
        assertEquals(List.of("MAML080", "MAML081"), rules, "the unused and the unknown name are reported");
        for (Diagnostic finding : findings) {
            List<String> titles = service.codeActions(doc, finding.getRange(),
                            new CodeActionContext(List.of(), List.of("quickfix")), MamlAssert.linter(), true,
                            MamlAssert::noProblem, MamlAssert.NEVER).stream().map(a -> a.getRight().getTitle()).toList();
            assertFalse(titles.isEmpty(), "the removal is offered for " + finding.getCode().getLeft());
            assertTrue(titles.stream().noneMatch(t -> t.startsWith("Disable ")), titles.toString());
        }
    }

    /**
     * Every finding of every corpus document: the action's edit, applied, removes exactly that
     * rule's findings on that line (in that code block, in that file) and changes no other
     * rule's findings, under the same engine `maml lint` runs.
     */
    @Test
    void onEveryCorpusFindingTheEditSilencesJustThatFinding() throws IOException {
        MamlLanguageService service = MamlAssert.service();
        Linter linter = MamlAssert.linter();
        int checked = 0;
        List<String> failures = new java.util.ArrayList<>();
        for (Path file : TestData.corpusFiles()) {
            String text = Files.readString(file);
            LspDocument doc = new LspDocument(file.toUri().toString(), 1, text);
            List<Diagnostic> before = service.diagnostics(doc, linter, MamlAssert.NEVER);
            java.util.Set<String> done = new java.util.HashSet<>();
            for (Diagnostic finding : before) {
                String rule = finding.getCode().getLeft();
                if (!done.add(rule + "@" + finding.getRange().getStart().getLine())) {
                    continue; // the same action as for the rule's previous finding on this line
                }
                CodeAction action = service.codeActions(doc, finding.getRange(),
                                new CodeActionContext(List.of(), List.of("quickfix")), linter, true, MamlAssert::noProblem,
                                MamlAssert.NEVER).stream().map(Either::getRight)
                        .filter(a -> a.getTitle().startsWith("Disable " + rule + " for ")).findFirst().orElse(null);
                int line = finding.getRange().getStart().getLine();
                if (action == null) {
                    assertTrue(line == 0 && doc.parsed().codeBlocks().stream().anyMatch(b -> !b.closed()),
                            "no disable action for " + rule + " in " + file);
                    continue;
                }
                CodeAction resolved = service.resolveCodeAction(doc, action, linter, MamlAssert::noProblem, MamlAssert.NEVER);
                String after = Edits.apply(text, resolved.getEdit().getChanges().get(doc.uri()));
                List<Diagnostic> now = service.diagnostics(new LspDocument(doc.uri(), 2, after), linter, MamlAssert.NEVER);
                String where = file.getFileName() + ": " + action.getTitle() + " at line "
                        + finding.getRange().getStart().getLine();
                Map<String, Long> was = counts(before);
                Map<String, Long> is = counts(now);
                long sameLine = before.stream().filter(d -> d.getCode().getLeft().equals(rule)
                        && d.getRange().getStart().getLine() == finding.getRange().getStart().getLine()).count();
                long left = is.getOrDefault(rule, 0L);
                // contains, not endsWith: on a signed document the title goes on ("; invalidates the signature")
                boolean oneLine = action.getTitle().contains(" for this line");
                if (oneLine ? left != was.get(rule) - sameLine : left >= was.get(rule)) {
                    failures.add(where + ": " + rule + " " + was.get(rule) + " -> " + left);
                }
                was.remove(rule);
                is.remove(rule);
                if (!was.equals(is)) {
                    failures.add(where + ": others " + was + " -> " + is);
                }
                checked++;
                if (nextToHeading(doc, line)) {
                    // Known limit (docs/lsp.md): a comment line is section content to the schema rules.
                    failures.removeIf(f -> f.startsWith(where + ":"));
                }
            }
        }
        assertTrue(checked > 0, "no corpus findings to disable");
        assertEquals("", String.join("\n", failures), failures.size() + " of " + checked);
    }

    /** A section heading, or the line right after one, where the comment above lands in the previous section's content. */
    private static boolean nextToHeading(LspDocument doc, int line) {
        return doc.parsed().sections().stream().anyMatch(sec -> {
            int heading = doc.parsed().lines().lineOf(sec.heading().start());
            return line == heading || line == heading + 1;
        });
    }

    private static Map<String, Long> counts(List<Diagnostic> ds) {
        return ds.stream().collect(Collectors.groupingBy(d -> d.getCode().getLeft(), TreeMap::new, Collectors.counting()));
    }
}
