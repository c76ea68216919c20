package dev.maml.lsp;

import static dev.maml.lsp.MamlAssert.assertHover;
import static dev.maml.lsp.MamlAssert.assertHoverEquals;
import static dev.maml.lsp.MamlAssert.hover;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HoverTest {

    @Test
    void keysShowTheSchemaTitleDescriptionAndExamples() {
        assertHover("---\nmaml_ver|sion: \"2.0.0\"\n---\n", "MAML version");
        assertHover("---\nmaml_ver|sion: \"2.0.0\"\n---\n", "The version of the MAML format this document follows");
        assertHover("---\nmaml_ver|sion: \"2.0.0\"\n---\n", "`2.0.0`");
        assertHover("---\ntype: prompt\n---\n".replace("type", "ty|pe"), "`security_workflow`");
    }

    @Test
    void nestedKeys() {
        assertHover("---\nverification:\n  pub|lic_key: k.pub\n---\n", "a path relative to this document");
    }

    @Test
    void findingsShowTheirRulePage() {
        assertHover("## Intent\nx\n``|`python\n", "# MAML040: fence-unclosed");
    }

    @Test
    void sectionsShowTheirMeaning() {
        assertHover("## Inp|ut_Schema\n{}\n", "JSON Schema");
    }

    /** The linter reads "## Code Blocks" as Code_Blocks (MAML035 asks for the canonical form); hover explains it the same. */
    @Test
    void aFoldedSectionFormShowsTheCanonicalSectionsMeaning() {
        assertHover("## Code Bl|ocks\n```python\nprint(1)\n```\n", "**## Code_Blocks**");
        assertHover("## code_bl|ocks\n```python\nprint(1)\n```\n", "Fenced code blocks, each with a language tag");
    }

    @Test
    void plainProseHasNoHover() {
        assertNull(hover("## Intent\nplain wo|rds\n"));
    }

    @Test
    void aKeysHoverIsExactlyItsSchemaEntry() {
        assertHoverEquals("---\nmaml_ver|sion: \"2.0.0\"\n---\n", "**maml_version** (string) — MAML version\n\n"
                + "The version of the MAML format this document follows, as a quoted string \"MAJOR.MINOR.PATCH\". "
                + "\"2.0.0\" is current; \"1.0.0\", \"0.1.0\" and \"2.0\" are still read but should be upgraded. "
                + "Quote it: an unquoted 2.0 is a number in YAML.\n\nExamples: `2.0.0`");
    }

    @Test
    void aSectionsHoverIsExactlyItsMeaning() {
        assertHoverEquals(COMPLETE + "## Inp|ut_Schema\n{}\n", "**## Input_Schema**\n\nOptional. Exactly one JSON "
                + "object (bare or in a ```json fence) that is a valid JSON Schema (draft 2020-12); a run's inputs are "
                + "validated against it, its defaults applied.");
    }

    /** Front matter with every required key, so that no finding's rule page joins a section's hover. */
    private static final String COMPLETE = "---\nmaml_version: \"2.0.0\"\nid: \"urn:uuid:3b241101-e2bb-4255-8caf-4136c566a962\"\n"
            + "type: workflow\norigin: \"agent://a\"\npermissions:\n  read: []\n  write: []\n  execute: []\n"
            + "created_at: 2026-11-25T12:00:00Z\n---\n";
}
