package dev.maml.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleSetting;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {

    @TempDir
    Path dir;

    void config(String text) throws IOException {
        Files.writeString(dir.resolve(".maml-lint.yaml"), text);
    }

    static LintSettings settings(Resolution r) {
        return assertInstanceOf(Resolution.Lint.class, r).settings();
    }

    @Test
    void resolvesToSettingsIgnoredOrBrokenConfig() throws IOException {
        config("rules:\n  MAML012: info\nignores: [\"drafts/**\"]\n");
        Session session = Session.standard();
        LintSettings s = settings(session.resolve(dir.resolve("a.maml.md")));
        assertEquals(Severity.INFO, s.setting(RuleId.MAML012).severity());
        assertEquals(dir.resolve("a.maml.md"), s.documentPath());
        assertSame(Resolution.IGNORED, session.resolve(dir.resolve("drafts/b.maml.md")));

        config("rules:\n  MAML012: loud\n");
        Resolution broken = Session.standard().resolve(dir.resolve("a.maml.md"));
        assertEquals(dir.resolve(".maml-lint.yaml") + ":2:12: unknown severity (expected off, on, error, warning, info or hint)",
                assertInstanceOf(Resolution.BrokenConfig.class, broken).message());
    }

    @Test
    void includeIgnoredResolvesAnIgnoredDocumentWithItsConfigsRules() throws IOException {
        config("rules:\n  MAML012: info\nignores: [\"drafts/**\"]\n");
        LintSettings s = settings(Session.builder().includeIgnored().build().resolve(dir.resolve("drafts/b.maml.md")));
        assertEquals(Severity.INFO, s.setting(RuleId.MAML012).severity());
    }

    @Test
    void aNamelessDocumentIsConfiguredFromTheWorkingDirectoryAndNeverIgnored() throws IOException {
        config("rules:\n  MAML012: hint\nignores: [\"**\"]\n");
        LintSettings s = settings(Session.builder().workingDirectory(dir).build().resolve(null));
        assertEquals(Severity.HINT, s.setting(RuleId.MAML012).severity());
        assertNull(s.documentPath());
        assertSame(Resolution.IGNORED, Session.builder().workingDirectory(dir).build().resolve(dir.resolve("x.maml.md")));
    }

    @Test
    void aFixedConfigIsRelativeToTheWorkingDirectory() throws IOException {
        Files.writeString(dir.resolve("team.yaml"), "rules:\n  MAML012: warning\n");
        Session session = Session.builder().workingDirectory(dir).config(Path.of("team.yaml")).build();
        assertEquals(Severity.WARNING, settings(session.resolve(Path.of("/elsewhere/a.maml.md"))).setting(RuleId.MAML012).severity());
    }

    @Test
    void editorOverridesApplyOverTheConfigFileWithTheSameWords() throws IOException {
        config("rules:\n  MAML012: info\n  MAML019: {severity: warning, max_distance: 3}\n  MAML032: off\n");
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("MAML012", "on");             // keeps info: on never resets a severity
        overrides.put("unknown-key", "error");    // MAML019 by its alias
        overrides.put("MAML032", "true");
        Session session = Session.builder().severities(overrides).build();
        LintSettings s = settings(session.resolve(dir.resolve("a.maml.md")));
        assertEquals(new RuleSetting(true, Severity.INFO, Map.of()), s.setting(RuleId.MAML012));
        assertEquals(new RuleSetting(true, Severity.ERROR, Map.of("max_distance", 3L)), s.setting(RuleId.MAML019));
        assertTrue(s.setting(RuleId.MAML032).enabled());
        assertEquals(List.of(), session.problems());
    }

    @Test
    void badOverridesAreReportedAndLeftOut() throws IOException {
        config("rules:\n  MAML012: info\n");
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("MAML012", "loud");
        overrides.put("MAML999", "off");
        overrides.put("MAML033", "off");
        Session session = Session.builder().severities(overrides).build();
        assertEquals(List.of("severities: MAML012: unknown severity 'loud' (expected off, on, error, warning, info or hint)",
                "severities: unknown rule 'MAML999' (expected a rule id such as MAML012, or its alias)"), session.problems());
        LintSettings s = settings(session.resolve(dir.resolve("a.maml.md")));
        assertEquals(Severity.INFO, s.setting(RuleId.MAML012).severity());
        assertFalse(s.setting(RuleId.MAML033).enabled(), "the good entries still apply");
    }

    @Test
    void trustIsTypedOnTheSettings() throws IOException {
        TrustSettings editor = new TrustSettings(List.of(dir.resolve("team.pub")), false);
        LintSettings s = settings(Session.builder().trust(editor).build().resolve(dir.resolve("a.maml.md")));
        assertEquals(editor, s.trust());
        assertEquals(TrustSettings.STANDARD, settings(Session.standard().resolve(dir.resolve("a.maml.md"))).trust());
    }

    @Test
    void readsWithinTheSessionsLimit() throws IOException {
        Path big = dir.resolve("big.maml.md");
        Files.writeString(big, "x".repeat(100));
        assertEquals(100, Session.builder().maxBytes(100).build().read(big).bytes().length);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Session.builder().maxBytes(99).build().read(big));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }
}
