package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureReaderTest {

    /** The lexer never makes such a sequence (LineLexerOracleProperties); should it, the user sees where. */
    @Test
    void aTokenTheGrammarDoesNotAllowIsReportedAndSkipped() {
        String text = "x\n```";
        Iterator<LineToken> tokens = List.of(new LineToken(text, LineType.TEXT, 0, 1),
                new LineToken(text, LineType.CODE_LINE, 2, 5), new LineToken(text, LineType.EOF, 5, 5)).iterator();
        List<String> seen = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        new StructureReader(tokens::next, new StructureReader.Listener() {
            @Override
            public void token(LineToken token) {
                seen.add(token.toString());
            }

            @Override
            public void frontMatterEnd(LineToken last) {
                seen.add("front matter end");
            }

            @Override
            public void fenceEnd(LineToken last) {
                seen.add("fence end");
            }
        }, diagnostics).document();
        assertEquals(List.of("TEXT[0,1)", "EOF[5,5)"), seen);
        assertEquals(1, diagnostics.size());
        assertEquals(RuleId.MAML090, diagnostics.get(0).rule());
        assertEquals(2, diagnostics.get(0).range().start());
        assertEquals("structure could not be read here (a parser defect; please report it): unexpected CODE_LINE",
                diagnostics.get(0).message());
    }
}
