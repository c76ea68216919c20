package dev.maml.parse.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the scanner says line by line; CommonMarkSpecTest measures it against the whole spec. */
class BlockScannerTest {

    private static List<LineKind> kinds(String... lines) {
        BlockScanner scanner = new BlockScanner();
        return List.of(lines).stream().map(scanner::line).toList();
    }

    @Test
    void aListItemFenceOpensContinuesAndClosesInItsItem() {
        assertEquals(List.of(LineKind.FENCE_OPEN, LineKind.FENCE_CONTENT, LineKind.FENCE_CLOSE, LineKind.SECTION_HEADING),
                kinds("- ```bash", "  make", "  ```", "## Next"));
    }

    @Test
    void theCodeOfAQuotedLineStartsAfterItsMarker() {
        BlockScanner scanner = new BlockScanner();
        scanner.line("> ```");
        assertTrue(scanner.inFence());
        assertEquals(LineKind.FENCE_CONTENT, scanner.line(">\tcode"));
        assertEquals(2, scanner.codeStart(), "the tab after \">\" is partly the marker's space");
        assertEquals(2, scanner.codePadding(), "and two columns of it are code");
        assertEquals(LineKind.OTHER, scanner.line("not quoted"));
        assertFalse(scanner.inFence());
    }

    @Test
    void oneLineOpensAtMostThirtyTwoBlocks() {
        String quotes = "> ".repeat(BlockScanner.MAX_STARTS_PER_LINE - 1);
        assertEquals(List.of(LineKind.FENCE_OPEN), kinds(quotes + "```"));
        assertEquals(List.of(LineKind.OTHER), kinds(quotes + "> ```"));
    }
}
