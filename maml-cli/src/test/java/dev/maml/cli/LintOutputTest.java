package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import dev.maml.testing.ChildProcesses;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** The report options of `maml lint` run for real: --quiet, --output-file, --format gitlab and junit, fixes in JSON. */
class LintOutputTest {

    /** An outdated maml_version (MAML011, a fixable warning) and an unclosed fence (MAML040, an error, line 19). */
    static final String WARNING_AND_ERROR = LintCommandTest.UNCLOSED_FENCE.replace("\"2.0.0\"", "\"1.0.0\"");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void quietReportsErrorsOnlyButWarningsStillCountForMaxWarnings() throws Exception {
        Path file = write("q.maml.md", WARNING_AND_ERROR);
        CliRun all = CliRun.of("lint", file.toString());
        assertTrue(all.out().contains("MAML011") && all.out().contains("MAML040"), all.out());
        CliRun quiet = CliRun.of("lint", "--quiet", file.toString());
        assertEquals(1, quiet.exitCode());
        assertEquals(List.of("MAML040"), rules(quiet.out()), quiet.out());
        assertEquals("1 error, 0 warnings, 0 other findings in 1 file\n", quiet.err());

        Path warningOnly = write("w.maml.md", LintCommandTest.CLEAN.replace("\"2.0.0\"", "\"1.0.0\""));
        CliRun quietWarning = CliRun.of("lint", "--quiet", "--format", "json", warningOnly.toString());
        assertEquals(0, quietWarning.exitCode());
        assertEquals(0, Json.MAPPER.readTree(quietWarning.out()).get("files").get(0).get("diagnostics").size());
        assertEquals(1, CliRun.of("lint", "--quiet", "--max-warnings", "0", warningOnly.toString()).exitCode());
    }

    private static List<String> rules(String text) {
        List<String> ids = new ArrayList<>();
        text.lines().forEach(l -> ids.add(l.replaceAll(".*: (error|warning|info|hint) (\\w+)/.*", "$2")));
        return ids;
    }

    @Test
    void outputFileGetsTheReportCreatedOwnerOnly() throws Exception {
        Path file = write("o.maml.md", WARNING_AND_ERROR);
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("lint", "--format", "json", "--output-file", report.toString(), file.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(2, Json.MAPPER.readTree(report.toFile()).get("files").get(0).get("diagnostics").size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));

        // An existing report is replaced, its mode kept.
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, CliRun.of("lint", "--output-file", report.toString(), file.toString()).exitCode());
        assertTrue(Files.readString(report).startsWith(file + ":"), Files.readString(report));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    }

    @Test
    void outputFileNeverReplacesAFifoOrALinkToADevice() throws Exception {
        Path file = write("o.maml.md", WARNING_AND_ERROR);
        Path fifo = dir.resolve("fifo");
        ChildProcesses.mkfifo(fifo);
        CliRun toFifo = CliRun.of("lint", "--output-file", fifo.toString(), file.toString());
        assertEquals(2, toFifo.exitCode());
        assertTrue(toFifo.err().contains(fifo + ": not a regular file"), toFifo.err());
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(), "the FIFO is still there");

        Path link = dir.resolve("null-link");
        Files.createSymbolicLink(link, Path.of("/dev/null"));
        CliRun toLink = CliRun.of("lint", "--output-file", link.toString(), file.toString());
        assertEquals(2, toLink.exitCode());
        assertTrue(toLink.err().contains(link + ": not a regular file"), toLink.err());
        assertTrue(Files.isSymbolicLink(link), "the link is left alone");
        assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(link));
    }

    @Test
    void gitlabCodeQuality() throws Exception {
        Path file = write("g.maml.md", WARNING_AND_ERROR);
        CliRun run = CliRun.of("lint", "--format", "gitlab", file.toString());
        assertEquals(1, run.exitCode(), run.err());
        JsonNode issues = Json.MAPPER.readTree(run.out());
        assertEquals(2, issues.size());
        List<String> fingerprints = new ArrayList<>();
        for (JsonNode issue : issues) {
            assertEquals(file.toString(), issue.get("location").get("path").asString());
            assertTrue(issue.get("description").asString().startsWith(issue.get("check_name").asString() + " "), issue.toString());
            assertTrue(issue.get("fingerprint").asString().matches("[0-9a-f]{32}"), issue.toString());
            fingerprints.add(issue.get("fingerprint").asString());
        }
        JsonNode warning = issues.get(0);
        assertEquals("MAML011", warning.get("check_name").asString());
        assertEquals("minor", warning.get("severity").asString());
        assertEquals(2, warning.get("location").get("lines").get("begin").asInt());
        JsonNode error = issues.get(1);
        assertEquals("MAML040", error.get("check_name").asString());
        assertEquals("major", error.get("severity").asString());
        assertEquals(19, error.get("location").get("lines").get("begin").asInt());
        assertNotEquals(fingerprints.get(0), fingerprints.get(1));

        // Stable across runs, and when lines move (GitLab matches a merge request's issues by fingerprint).
        assertEquals(run.out(), CliRun.of("lint", "--format", "gitlab", file.toString()).out());
        Files.writeString(file, WARNING_AND_ERROR.replace("## Intent\n", "## Intent\nMore.\nText.\n"));
        JsonNode moved = Json.MAPPER.readTree(CliRun.of("lint", "--format", "gitlab", file.toString()).out());
        assertEquals(21, moved.get(1).get("location").get("lines").get("begin").asInt());
        assertEquals(fingerprints, List.of(moved.get(0).get("fingerprint").asString(), moved.get(1).get("fingerprint").asString()));
    }

    @Test
    void junitXmlIsWellFormedWithHostileTextEscapedAndControlsRemoved() throws Exception {
        // A key named with ESC, BEL, a C1 control and XML's special characters: MAML019 quotes it in its message.
        Path file = write("j.maml.md", LintCommandTest.CLEAN.replace("type: workflow\n",
                "type: workflow\n\"k\\e]0;x\\a\\x85<b>&\\\"'\": 1\n"));
        Path clean = write("k.maml.md", LintCommandTest.CLEAN);
        CliRun run = CliRun.of("lint", "--format", "junit", file.toString(), clean.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().chars().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F)), run.out());
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element hostile = (Element) suites.item(0);
        assertEquals(file.toString(), hostile.getAttribute("name"));
        assertEquals("1", hostile.getAttribute("failures"));
        Element testcase = (Element) hostile.getElementsByTagName("testcase").item(0);
        assertEquals("maml.MAML019", testcase.getAttribute("name"));
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertEquals("info", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").contains("k]0;x<b>&\"'"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith("line 5, col 1, Info - unknown front-matter key "), failure.getTextContent());
        Element passing = (Element) suites.item(1);
        assertEquals("0", passing.getAttribute("failures"));
        assertEquals(0, passing.getElementsByTagName("failure").getLength());
        assertEquals(clean.toString(), ((Element) passing.getElementsByTagName("testcase").item(0)).getAttribute("name"));
    }

    @Test
    void jsonCarriesTheEditsOfEachFix() throws Exception {
        Path file = write("f.maml.md", "---  \n" + LintCommandTest.FRONT_MATTER + "---\n" + LintCommandTest.BODY);
        JsonNode d = Json.MAPPER.readTree(CliRun.of("lint", "--format", "json", file.toString()).out())
                .get("files").get(0).get("diagnostics").get(0);
        assertEquals("MAML091", d.get("rule").asString());
        assertTrue(d.get("fixable").asBoolean());
        JsonNode fix = d.get("fix");
        assertEquals("Remove the trailing whitespace", fix.get("title").asString());
        JsonNode edit = fix.get("edits").get(0);
        assertEquals(List.of(1, 4, 1, 6), List.of(edit.get("line").asInt(), edit.get("column").asInt(),
                edit.get("endLine").asInt(), edit.get("endColumn").asInt()));
        assertEquals("", edit.get("text").asString());
    }
}
