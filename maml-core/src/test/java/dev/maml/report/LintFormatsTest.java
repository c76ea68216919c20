package dev.maml.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LintFormatsTest {

    /** A docs setting that is broken (as a bad MAML_DOCS_URL makes it): only SARIF may ask for it. */
    private static final Supplier<URI> BROKEN = () -> {
        throw new IllegalStateException("docs base asked for");
    };

    @Test
    void onlySarifAsksWhereTheDocsAre() {
        for (String format : LintFormats.NAMES) {
            if (!format.equals("sarif")) {
                LintFormats.render(format, List.of(), BROKEN);
            }
        }
        assertThrows(IllegalStateException.class, () -> LintFormats.render("sarif", List.of(), BROKEN));
        assertTrue(LintFormats.render("sarif", List.of(), () -> URI.create("https://example.org/")).contains("\"informationUri\" : \"https://example.org/\""));
    }

    @Test
    void theChoicesReadAsAList() {
        assertEquals("text, json, sarif, github, gitlab or junit", LintFormats.choices());
        assertThrows(IllegalArgumentException.class, () -> LintFormats.render("xml", List.of(), BROKEN));
    }
}
