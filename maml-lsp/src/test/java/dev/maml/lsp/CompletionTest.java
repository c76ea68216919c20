package dev.maml.lsp;

import static dev.maml.lsp.MamlAssert.assertCompletion;
import static dev.maml.lsp.MamlAssert.assertNoCompletion;
import static dev.maml.lsp.MamlAssert.completion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

class CompletionTest {

    @Test
    void frontMatterKeysFromTheSchemaReplaceTheTypedPrefix() {
        assertCompletion("---\nmaml_v|\n---", "maml_version");
        CompletionItem item = find(completion("---\nmaml_v|\n---"), "maml_version");
        TextEdit edit = item.getTextEdit().getLeft();
        assertEquals("maml_version: ", edit.getNewText());
        assertEquals(1, edit.getRange().getStart().getLine());
        assertEquals(0, edit.getRange().getStart().getCharacter());
        assertEquals(6, edit.getRange().getEnd().getCharacter());
        assertTrue(item.getDocumentation().getRight().getValue().contains("The version of the MAML format this document follows"));
    }

    @Test
    void keysAlreadyWrittenAreNotOfferedAgain() {
        assertNoCompletion("---\nmaml_version: \"2.0.0\"\n|\n---", "maml_version");
        assertCompletion("---\nmaml_version: \"2.0.0\"\n|\n---", "id", "type");
    }

    @Test
    void nestedKeysFollowTheSchemaThroughRefs() {
        assertCompletion("---\nverification:\n  |\n---", "method", "public_key");
        assertNoCompletion("---\nverification:\n  |\n---", "maml_version");
    }

    @Test
    void enumValuesAtTopLevelAndNested() {
        assertCompletion("---\ntype: |\n---", "workflow", "security_workflow", "prompt");
        assertCompletion("---\nverification:\n  method: ml|\n---", "ml-dsa-44", "ml-dsa-65", "ml-dsa-87");
    }

    @Test
    void idGetsAFreshUrnUuidAndTimestampsTheCurrentUtcTime() {
        List<CompletionItem> ids = completion("---\nid: |\n---");
        assertTrue(ids.stream().anyMatch(i -> i.getLabel().matches(
                "\"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"")), ids::toString);
        assertCompletion("---\ncreated_at: |\n---", "2026-11-29T12:00:00Z");
    }

    @Test
    void sectionNamesNotYetPresent() {
        assertCompletion("---\na: 1\n---\n## Intent\nx\n## |", "## Context", "## Code_Blocks", "## History");
        assertNoCompletion("---\na: 1\n---\n## Intent\nx\n## |", "## Intent");
    }

    /** The linter folds forms, so a section written "## Code Blocks" is present: offering "## Code_Blocks" would make a duplicate. */
    @Test
    void aSectionWrittenInAnotherFormIsPresent() {
        String doc = "---\na: 1\n---\n## Intent\nx\n## Code Blocks\n```python\nprint(1)\n```\n## |";
        assertNoCompletion(doc, "## Code_Blocks");
        assertCompletion(doc, "## Context", "## History");
    }

    @Test
    void historyEntriesAlsoUnderAnotherFormOfTheHeading() {
        assertEquals(InsertTextFormat.Snippet, completion("## history\n|").get(0).getInsertTextFormat());
    }

    @Test
    void fenceLanguagesAfterBackticks() {
        assertCompletion("## Code_Blocks\n```|", "python", "bash", "sh");
        assertCompletion("## Code_Blocks\n```py|\nprint(1)\n```\n", "python");
    }

    @Test
    void historyEntrySnippetWithTheCurrentTime() {
        CompletionItem item = completion("## History\n- 2026-01-01T00:00:00Z: [CREATE] made\n|").get(0);
        assertEquals(InsertTextFormat.Snippet, item.getInsertTextFormat());
        String snippet = item.getTextEdit().getLeft().getNewText();
        assertTrue(snippet.startsWith("- 2026-11-29T12:00:00Z: [${1|CREATE,UPDATE,"), snippet);
    }

    @Test
    void jsonSchemaKeywordsInsideSchemaSections() {
        assertCompletion("## Input_Schema\n```json\n{\"ty|\n```\n", "type", "properties", "required");
        assertCompletion("## Output_Schema\n{\"|\n", "$schema", "additionalProperties");
        assertNoCompletion("## Code_Blocks\n```json\n{\"ty|\n```\n", "type");
    }

    @Test
    void nothingInProse() {
        assertEquals(List.of(), completion("## Intent\nSome words |here"));
    }

    private static CompletionItem find(List<CompletionItem> items, String label) {
        return items.stream().filter(i -> i.getLabel().equals(label)).findFirst().orElseThrow();
    }
}
