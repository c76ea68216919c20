package dev.maml.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    @Test
    void relativePathsStayRelativeReferencesAndAbsoluteOnesBecomeFileUris() {
        assertEquals("docs/a%20b.maml.md", SarifReport.uriReference("docs/a b.maml.md"));
        assertEquals("docs/x.maml.md", SarifReport.uriReference("docs\\x.maml.md"));
        String absolute = Path.of("/tmp/a b.maml.md").toAbsolutePath().toString();
        assertEquals(Path.of(absolute).toUri().toASCIIString(), SarifReport.uriReference(absolute));
        assertEquals("file", URI.create(SarifReport.uriReference(absolute)).getScheme());
    }

    @Test
    void theDocsBaseMustBeAbsolute() {
        assertThrows(IllegalArgumentException.class, () -> SarifReport.of(List.of(), "1.0", URI.create("docs/")));
    }
}
