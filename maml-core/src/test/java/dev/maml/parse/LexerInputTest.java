package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.model.MamlDocument;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.api.Test;

class LexerInputTest {

    @Test
    void lexerSeesNonAsciiAsDelButTokensKeepTheRealText() {
        LexerInput in = new LexerInput("\uFEFFé😀\n");
        assertEquals('\uFEFF', in.LA(1));
        assertEquals(0x7F, in.LA(2));
        assertEquals(0x7F, in.LA(3));
        assertEquals(0x7F, in.LA(4));
        assertEquals('\n', in.LA(5));
        assertEquals(IntStream.EOF, in.LA(6));
        in.consume();
        assertEquals('\uFEFF', in.LA(-1));
        assertEquals("é😀", in.getText(Interval.of(1, 3)));
    }

    @Test
    void nonAsciiNamesAndFencesKeepTheirText() {
        MamlDocument doc = DocumentParser.parse("---\nid: \"é\"\n---\n## Intént 😀\n```pythön\n## ∅\n```\n");
        assertEquals("Intént 😀", doc.sections().get(0).name());
        assertEquals("pythön", doc.codeBlocks().get(0).language());
        assertEquals(1, doc.sections().size());
    }
}
