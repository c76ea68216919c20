package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `maml lint` and unused or unknown inline directives (MAML080, MAML081): the options, the config, --fix. */
class UnusedDirectivesCommandTest {

    /** LintCommandTest.CLEAN is 16 lines; the directive is on line 17 and suppresses nothing. */
    static final String UNUSED = LintCommandTest.CLEAN + "<!-- maml-lint-disable-next-line MAML041 -->\nregion: south\n";
    static final String UNKNOWN = LintCommandTest.CLEAN + "region: south <!-- maml-lint-disable-line MAML41 -->\n";

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void anUnusedDirectiveIsAWarningByDefault() throws IOException {
        Path doc = write("a.maml.md", UNUSED);
        CliRun run = CliRun.of("lint", doc.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(doc + ":17:34: warning MAML080/directive-unused unused maml-lint-disable-next-line for MAML041"
                + " (code-language-missing): it suppresses no MAML041 finding on the next line\n", run.out());
    }

    @Test
    void theFlagMakesItAnErrorAsEslintsDoesAndTheSeverityOptionNamesAnyWord() throws IOException {
        Path doc = write("a.maml.md", UNUSED);
        CliRun error = CliRun.of("lint", "--report-unused-disable-directives", doc.toString());
        assertEquals(1, error.exitCode(), error.out());
        assertTrue(error.out().contains(": error MAML080/directive-unused "), error.out());
        CliRun info = CliRun.of("lint", "--report-unused-disable-directives-severity", "info", doc.toString());
        assertEquals(0, info.exitCode());
        assertTrue(info.out().contains(": info MAML080/"), info.out());
        CliRun off = CliRun.of("lint", "--report-unused-disable-directives-severity", "off", doc.toString());
        assertEquals(0, off.exitCode());
        assertEquals("", off.out());
    }

    @Test
    void badUseOfTheOptionsIsExitTwo() throws IOException {
        Path doc = write("a.maml.md", UNUSED);
        CliRun word = CliRun.of("lint", "--report-unused-disable-directives-severity", "loud", doc.toString());
        assertEquals(2, word.exitCode());
        assertEquals("maml: --report-unused-disable-directives-severity: expected off, on, error, warning, info or hint\n", word.err());
        CliRun both = CliRun.of("lint", "--report-unused-disable-directives", "--report-unused-disable-directives-severity",
                "warning", doc.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void theConfigTurnsItOffAndTheCommandLineWinsOverTheConfig() throws IOException {
        Path doc = write("a.maml.md", UNUSED);
        write(".maml-lint.yml", "rules:\n  directive-unused: off\n");
        assertEquals("", CliRun.of("lint", doc.toString()).out());
        CliRun flag = CliRun.of("lint", "--report-unused-disable-directives", doc.toString());
        assertEquals(1, flag.exitCode(), flag.out() + flag.err());
    }

    @Test
    void unknownNamesAreReportedWhateverTheUnusedOptionSays() throws IOException {
        Path doc = write("a.maml.md", UNKNOWN);
        CliRun run = CliRun.of("lint", "--report-unused-disable-directives-severity", "off", doc.toString());
        assertEquals(0, run.exitCode());
        assertEquals(doc + ":17:43: warning MAML081/directive-unknown-rule 'MAML41' in maml-lint-disable-line is not a rule"
                + " id or alias, so it suppresses nothing (maml rules lists them)\n", run.out());
    }

    @Test
    void fixRemovesWhatSuppressesNothingAndTheJsonCarriesTheEdit() throws IOException {
        Path unused = write("a.maml.md", UNUSED);
        Path unknown = write("b.maml.md", UNKNOWN);
        CliRun json = CliRun.of("lint", "--format", "json", unused.toString());
        assertTrue(json.out().contains("\"fix\":{\"title\":\"Remove the unused directive\",\"applicability\":\"safe\","
                + "\"edits\":[{\"line\":17,\"column\":1,\"endLine\":18,\"endColumn\":1,\"text\":\"\"}]}"), json.out());
        CliRun fix = CliRun.of("lint", "--fix", unused.toString(), unknown.toString());
        assertEquals(0, fix.exitCode(), fix.out() + fix.err());
        assertEquals("", fix.out());
        assertEquals(LintCommandTest.CLEAN + "region: south\n", Files.readString(unused));
        assertEquals(LintCommandTest.CLEAN + "region: south\n", Files.readString(unknown));
    }

    @Test
    void aSignedDocumentKeepsItsDirectivesWithoutUnsafeFixes() throws IOException {
        String signed = UNUSED.replace("created_at:", "verification:\n  method: ml-dsa-65\n  signature: \"AAAA\"\ncreated_at:");
        Path doc = write("s.maml.md", signed);
        CliRun fix = CliRun.of("lint", "--fix", doc.toString());
        assertEquals(signed, Files.readString(doc));
        assertTrue(fix.err().contains("not applied: the document is signed"), fix.err());
        assertFalse(fix.out().isEmpty());
    }
}
