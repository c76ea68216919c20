package dev.maml.cli.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10: `maml lint` printed raw ESC/OSC/BEL from documents and file names, and a file name
 * holding a line break forged a GitHub {@code ::error} line in a CI log. Human-readable output
 * (text, github, `parse`, every message on standard error) must carry no control character but
 * the line feed, no bidi override, and no line that starts with {@code ::} unless it is ours;
 * JSON and SARIF must give back the exact name.
 */
class OutputEscapingAttackTest {

    /** An OSC 8 hyperlink, a window-title OSC ended by BEL, a screen clear, a bidi override, C1 CSI. */
    static final String HOSTILE = "\u001b]8;;https:evil.example\u0007x\u001b]0;pwned\u0007\u001b[2J\u202e\u009b";
    static final Pattern UNSAFE = Pattern.compile("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u2028-\\u202E\\u2066-\\u2069]");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run maml(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A document whose front matter has a key made of control characters (a YAML double-quoted escape). */
    Path hostileDocument() throws Exception {
        String key = "k\\e]0;pwned\\a\\e[2J\\u202e";
        return Files.writeString(dir.resolve("esc.maml.md"), "---\n\"" + key + "\": 1\n---\n## Intent\nx\n");
    }

    Path forgingName() throws Exception {
        return Files.writeString(dir.resolve("a\n::error file=forged.maml.md::forged " + HOSTILE + "\n.maml.md"), "# x\n");
    }

    static void assertPrintable(String what, String text) {
        assertFalse(UNSAFE.matcher(text).find(), what + " holds a raw control character: " + text);
    }

    @Test
    void textOutputEscapesDocumentContentAndFileNames() throws Exception {
        hostileDocument();
        forgingName();
        Run run = maml("lint", dir.toString());
        assertEquals(1, run.code(), run.err());
        assertPrintable("stdout", run.out());
        assertPrintable("stderr", run.err());
        assertTrue(run.out().contains("unknown front-matter key 'k\\x1B]0;pwned\\x07\\x1B[2J\\u202E'"), run.out());
        for (String line : run.out().split("\n")) {
            assertTrue(line.startsWith(dir.toString()), "every finding starts with its path: " + line);
        }
    }

    @Test
    void aFileNamedLikeAWorkflowCommandCannotStartALine() {
        // A relative name as a directory search prints it; --stdin-filename prints it as given.
        Run run = maml("lint", "--stdin-filename", "::warning::x.maml.md", "--stdin");
        assertFalse(run.out().lines().anyMatch(l -> l.startsWith("::")), run.out());
        assertTrue(run.out().startsWith("./::warning::x.maml.md:1:1: "), run.out());
    }

    @Test
    void githubAnnotationsCannotBeForgedByAFileName() throws Exception {
        forgingName();
        hostileDocument();
        Run run = maml("lint", "--format", "github", dir.toString());
        assertPrintable("stdout", run.out());
        List<String> lines = run.out().lines().toList();
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertTrue(line.matches("::(error|warning|notice) file=[^:,]*,line=\\d+,col=\\d+,endLine=\\d+,endColumn=\\d+,title=[^:]*::.*"), line);
        }
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("::error file=forged")), run.out());
    }

    @Test
    void jsonAndSarifKeepTheExactNameAndStayValid() throws Exception {
        Path name = forgingName();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode report = json.readTree(maml("lint", "--format", "json", name.toString()).out());
        assertEquals(name.toString(), report.get("files").get(0).get("path").asString());
        JsonNode sarif = json.readTree(maml("lint", "--format", "sarif", name.toString()).out());
        assertEquals("2.1.0", sarif.get("version").asString());
    }

    @Test
    void parseOutlineAndErrorMessagesAreEscaped() throws Exception {
        Run parse = maml("parse", hostileDocument().toString());
        assertPrintable("parse", parse.out());
        assertTrue(parse.out().contains("k\\x1B]0;pwned\\x07"), parse.out());
        Run missing = maml("lint", dir.resolve("gone" + HOSTILE + ".maml.md").toString());
        assertEquals(2, missing.code());
        assertPrintable("stderr", missing.err());
        assertTrue(missing.err().contains("gone\\x1B]8;;https:evil.example\\x07x"), missing.err());
    }

    @Test
    void textCommandsEscapeFileNamesOnStandardOutput() throws Exception {
        Path doc = Files.writeString(dir.resolve("v" + HOSTILE + ".maml.md"), """
                ---
                maml_version: "2.0.0"
                id: "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
                type: "workflow"
                origin: "agent://tests"
                created_at: 2026-11-29T12:00:00Z
                ---
                ## Intent
                x
                ## Context
                y
                """);
        Path keys = dir.resolve("signer");
        for (Run run : List.of(
                maml("verify", doc.toString()),
                maml("fmt", doc.toString()),
                maml("keygen", "--out", keys.toString()),
                maml("sign", doc.toString(), "--key", keys + ".key"))) {
            assertFalse(run.out().isEmpty(), "the command printed its result: " + run);
            assertPrintable("stdout", run.out());
            assertPrintable("stderr", run.err());
        }
    }
}
