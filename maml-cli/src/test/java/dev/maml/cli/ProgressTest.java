package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void redrawsOncePerPercentAndClearsItsLine() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), 400);
        for (int i = 0; i < 400; i++) {
            progress.advance();
        }
        progress.finish();
        String out = text.toString();
        assertEquals(101, out.chars().filter(c -> c == '\r').count() - 1, "101 redraws (0%..100%) and one clear");
        assertTrue(out.contains("\r[" + "#".repeat(30) + "] 400/400 files"), out);
        assertTrue(out.endsWith("\r\033[K"));
    }

    @Test
    void smallRunsGetNoBar() {
        assertEquals(null, Progress.startIfUseful(new PrintWriter(new StringWriter()), Progress.MIN_FILES));
    }
}
