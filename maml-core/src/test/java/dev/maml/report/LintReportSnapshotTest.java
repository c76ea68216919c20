package dev.maml.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.maml.lint.LintSettings;
import dev.maml.lint.TestRules;
import dev.maml.parse.DocumentParser;
import dev.maml.testing.TestData;
import dev.maml.toolchain.Build;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The four lint outputs of two small fixtures, compared with reviewed snapshots in
 * src/test/resources/snapshots; the SARIF is also validated against the official 2.1.0 schema.
 */
class LintReportSnapshotTest {

    /** Non-ASCII before the findings, so code-point columns differ from UTF-16 ones. */
    static final String BROKEN = """
            ---
            maml_version: "2.0.0"
            id: "ünïcode-😀-id"
            ---
            ## Intent
            Say SHOUT, then 😀 SHOUT.
            ## Context
            """;

    static final String CLEAN = """
            ---
            id: "%s"
            ---
            ## Intent
            Fine.
            """.formatted(TestRules.GOOD_ID);

    static List<LintedFile> files() {
        return List.of(lint("docs/a b.maml.md", BROKEN), lint("docs/clean.maml.md", CLEAN));
    }

    static LintedFile lint(String path, String text) {
        return LintedFile.of(path, TestRules.engine().lint(DocumentParser.parse(text), LintSettings.DEFAULTS));
    }

    @Test
    void text() throws IOException {
        assertSnapshot("lint.txt", LintReport.text(files()));
    }

    @Test
    void json() throws IOException {
        assertSnapshot("lint.json", Json.pretty(LintReport.json(files())) + "\n");
    }

    @Test
    void github() throws IOException {
        assertSnapshot("lint.github.txt", LintReport.github(files()));
    }

    @Test
    void sarif() throws IOException {
        String sarif = Json.pretty(SarifReport.of(files(), "1.2.3", URI.create("https://example.org/maml/blob/main/")));
        assertSnapshot("lint.sarif.json", sarif + "\n");
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchema() throws IOException {
        Schema schema;
        try (InputStream in = Files.newInputStream(TestData.root().resolve("testvectors/sarif/sarif-schema-2.1.0.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        JsonNode sarif = Json.MAPPER.valueToTree(SarifReport.of(files(), "0.1.0", Build.HOME));
        assertEquals(List.of(), schema.validate(sarif).stream().map(Error::toString).toList());
        // The schema really is checked: a result without a message must be refused.
        JsonNode broken = Json.MAPPER.valueToTree(SarifReport.of(files(), "0.1.0", Build.HOME));
        ((tools.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results").get(0)).remove("message");
        assertTrue(!schema.validate(broken).isEmpty());
    }

    /**
     * Compares with src/test/resources/snapshots/NAME. On a difference the actual output is written
     * to target/snapshots/NAME, to review and copy over when the change is intended.
     */
    static void assertSnapshot(String name, String actual) throws IOException {
        String expected;
        try (InputStream in = LintReportSnapshotTest.class.getResourceAsStream("/snapshots/" + name)) {
            expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path out = Path.of("target/snapshots", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertEquals(expected, actual, "snapshot " + name + " differs; actual output in target/snapshots/" + name);
    }
}
