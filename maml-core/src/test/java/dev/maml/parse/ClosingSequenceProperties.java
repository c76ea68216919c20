package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** {@link TreeBuilder#closingSequence} finds what the regex it replaces finds, on every text. */
class ClosingSequenceProperties {

    private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");

    @Property(tries = 3000)
    void sameAsTheRegex(@ForAll @StringLength(max = 12) @Chars({'#', ' ', '\t', '\r', '\u0085', '\u2028', 'x'})
                        @CharRange(from = '#', to = '#') String rest) {
        Matcher m = CLOSING_HASHES.matcher(rest);
        assertEquals(m.find() ? m.start() : -1, TreeBuilder.closingSequence(rest), "[" + rest + "]");
    }

    @Example
    void headingsWithClosingSequences() {
        assertEquals(3, TreeBuilder.closingSequence(" ab ##"));
        assertEquals(0, TreeBuilder.closingSequence("##\t"));
        assertEquals(-1, TreeBuilder.closingSequence(" a#"));
        assertEquals(2, TreeBuilder.closingSequence(" a\t #\r"));
        assertEquals(-1, TreeBuilder.closingSequence(" a #\r\r"));
    }
}
