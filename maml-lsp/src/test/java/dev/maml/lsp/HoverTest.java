package dev.maml.lsp;

import static dev.maml.lsp.MamlAssert.assertHover;
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
}
