package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.parse.DocumentParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link FrontMatterPrefix} parses: only the text through the closing delimiter line when the
 * front matter is plainly closed (so verifying a large document does not parse its body), else the
 * whole text; and in both cases the front matter reads as the full parse reads it.
 */
class FrontMatterPrefixTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain                   | ---\\na: 1\\n---\\nbody\\n            | ---\\na: 1\\n---\\n",
        "byte order mark         | \\uFEFF---\\na: 1\\n---\\nbody\\n      | \\uFEFF---\\na: 1\\n---\\n",
        "CRLF                    | ---\\r\\na: 1\\r\\n---\\r\\nbody\\r\\n  | ---\\r\\na: 1\\r\\n---\\r\\n",
        "spaces after delimiters | '---  \\na: 1\\n--- \\t\\nbody\\n'     | '---  \\na: 1\\n--- \\t\\n'",
        "no final line break     | ---\\na: 1\\n---                     | ---\\na: 1\\n---",
        "empty front matter      | ---\\n---\\nbody\\n                  | ---\\n---\\n",
        "not closed              | ---\\na: 1\\nbody\\n                 | ---\\na: 1\\nbody\\n",
        "no front matter         | body\\n---\\nmore\\n                 | body\\n---\\nmore\\n",
        "one line only           | ---                                 | ---",
        "delimiter with text     | '---x\\na: 1\\n---\\nbody\\n'         | '---x\\na: 1\\n---\\nbody\\n'",
        "closing with text       | '---\\na: 1\\n---x\\nb: 2\\n---\\nz\\n' | '---\\na: 1\\n---x\\nb: 2\\n---\\n'",
        "block scalar holds ---  | '---\\na: |\\n  x\\n---\\nbody\\n'     | '---\\na: |\\n  x\\n---\\n'",
    })
    void parsesThePrefixWhenThePlainReadingAllowsIt(String label, String escapedText, String escapedPrefix) {
        String text = unescape(escapedText);
        var parsed = FrontMatterPrefix.parse(text);
        assertEquals(unescape(escapedPrefix), parsed.text(), label);
        var full = DocumentParser.parse(text);
        assertEquals(full.frontMatter() == null, parsed.frontMatter() == null, label);
        if (full.frontMatter() != null) {
            assertEquals(full.frontMatter().closed(), parsed.frontMatter().closed(), label);
            assertEquals(String.valueOf(full.frontMatter().mapping()), String.valueOf(parsed.frontMatter().mapping()), label);
        }
    }

    private static String unescape(String s) {
        return s.strip().replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t").replace("\\uFEFF", "\uFEFF");
    }
}
