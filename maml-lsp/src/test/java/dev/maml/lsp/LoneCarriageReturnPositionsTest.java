package dev.maml.lsp;

import static dev.maml.lsp.MamlAssert.assertDiagnostics;
import static dev.maml.lsp.MamlAssert.d;

import org.junit.jupiter.api.Test;

/**
 * The LSP's line breaks are "\n", "\r\n" and "\r", so an editor shows a line after a lone CR: the
 * server's positions must count it too, or every finding below it lands one line off. The CR itself
 * is the line break: its range ends at the start of the next line.
 */
class LoneCarriageReturnPositionsTest {

    @Test
    void aLoneCrIsReportedAndLaterPositionsCountItAsALineBreak() {
        assertDiagnostics("---\na: 1 #\rb: 2\n---\n## Intent\nx\n```python\nprint(1)\n",
                d(1, 6, 2, 0, "MAML093"), d(6, 0, 9, "MAML040"));
    }
}
