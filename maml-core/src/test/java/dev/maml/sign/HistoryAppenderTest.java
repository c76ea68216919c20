package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.parse.DocumentParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the signing entry lands in History: the exact text, since History is signed too. */
class HistoryAppenderTest {

    private static String append(String text, String eol) {
        return TextEdits.apply(text, List.of(HistoryAppender.append(DocumentParser.parse(text), "- NEW", eol)));
    }

    @Test
    void afterTheLastEntry() {
        assertEquals("## History\n- a: [CREATE] by x\n- NEW\n\n## Notes\nn\n",
                append("## History\n- a: [CREATE] by x\n\n## Notes\nn\n", "\n"));
    }

    @Test
    void entriesOfASecondHistorySectionDoNotMoveTheFirstOnesEnd() {
        assertEquals("## History\n- a: [CREATE] by x\n- NEW\n\n## Notes\nn\n\n## History\n- b: [EDIT] by y\n",
                append("## History\n- a: [CREATE] by x\n\n## Notes\nn\n\n## History\n- b: [EDIT] by y\n", "\n"));
        assertEquals("## History\n- NEW\ntext\n## History\n- b: [EDIT] by y\n",
                append("## History\ntext\n## History\n- b: [EDIT] by y\n", "\n"));
    }

    @Test
    void rightUnderAHeadingWithoutEntries() {
        assertEquals("## History\n- NEW\ntext\n", append("## History\ntext\n", "\n"));
    }

    @Test
    void aLastEntryWithoutLineBreakGetsOne() {
        assertEquals("## History\n- a: [CREATE] by x\r\n- NEW\r\n", append("## History\n- a: [CREATE] by x", "\r\n"));
    }

    @Test
    void aNewSectionIsSeparatedByExactlyOneBlankLine() {
        assertEquals("x\n\n## History\n- NEW\n", append("x\n", "\n"));
        assertEquals("x\n\n## History\n- NEW\n", append("x", "\n"));
        assertEquals("x\n\n## History\n- NEW\n", append("x\n\n", "\n"));
        assertEquals("x\r\n\r\n## History\r\n- NEW\r\n", append("x\r\n\r\n", "\r\n"));
        assertEquals("## History\n- NEW\n", append("", "\n"));
    }

    @Test
    void onlySignatureOutcomesCountAsValidSignatures() {
        assertTrue(Outcome.VALID.signatureValid());
        assertTrue(Outcome.VALID_UNTRUSTED.signatureValid());
        for (Outcome o : List.of(Outcome.INVALID, Outcome.UNSIGNED, Outcome.MALFORMED, Outcome.BELOW_MINIMUM)) {
            assertFalse(o.signatureValid(), o.name());
        }
    }
}
