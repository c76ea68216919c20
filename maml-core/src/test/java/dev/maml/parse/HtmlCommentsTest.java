package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlCommentsTest {

    @Test
    void leadingCommentsAndWhitespaceAreSkipped() {
        String s = " <!-- a -->\n<!--b-->{x}";
        assertEquals(s.indexOf('{'), HtmlComments.skipLeading(s, 0, s.length()));
        String open = "<!-- never closed {x}";
        assertEquals(open.length(), HtmlComments.skipLeading(open, 0, open.length()), "an open comment runs to the end");
    }

    @Test
    void trailingCommentsAndWhitespaceAreSkipped() {
        String s = "{x}\n<!-- a -->  <!--b-->\n";
        assertEquals(3, HtmlComments.skipTrailing(s, 0, s.length()));
        assertEquals(5, HtmlComments.skipTrailing("{x} y", 0, 5), "text is kept");
        assertEquals(8, HtmlComments.skipTrailing("{x}->-->", 0, 8), "a close without an open is text");
        assertEquals(0, HtmlComments.skipTrailing("<!---->", 0, 7));
    }
}
