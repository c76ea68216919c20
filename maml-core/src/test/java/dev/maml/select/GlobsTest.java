package dev.maml.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobsTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "docs/**/*.maml.md, docs/a.maml.md, true",
            "docs/**/*.maml.md, docs/x/y/a.maml.md, true",
            "docs/**/*.maml.md, other/docs/a.maml.md, false",
            "docs/*.maml.md, docs/x/a.maml.md, false",
            "**/*.mu, r.mu, true",
            "**/*.mu, a/b/r.mu, true",
            "docs/**, docs/a/b.md, true",
            "'*.{md,mu}', a.mu, true",
            "'*.{md,mu}', a.txt, false",
            "a?.md, ab.md, true",
            "a?.md, a/.md, false",
            "[ab].md, b.md, true",
            "[!ab].md, c.md, true",
            "[!ab].md, a.md, false",
            "a**b.md, axyb.md, true",
            "a**b.md, ax/yb.md, false",
            "x\\*.md, x*.md, true",
            "x\\*.md, xy.md, false",
            "[.md, [.md, true",
    })
    void commandLineGlobs(String glob, String path, boolean matches) {
        assertEquals(matches, Globs.commandLine(glob).matcher(path).matches());
    }

    @ParameterizedTest
    @CsvSource({"docs/**/*.md, docs", "'*.md', ''", "/abs/x/*.md, /abs/x", "a/b[1]/c.md, a", "a/b.md, a", "/*.md, /"})
    void theSearchStartsBelowTheFixedDirectories(String glob, String base) {
        assertEquals(base, Globs.base(glob));
    }

    @ParameterizedTest
    @CsvSource({"'*.md', true", "'a{b,c}', true", "a[1], true", "plain/path.md, false", "'', false"})
    void globCharacters(String text, boolean glob) {
        assertEquals(glob, Globs.isGlob(text));
    }

    @org.junit.jupiter.api.Test
    void gitReadsBracesLiterally() {
        assertTrue("a{b,c}".matches(Globs.gitRegex("a{b,c}")));
        assertFalse("ab".matches(Globs.gitRegex("a{b,c}")));
    }
}
