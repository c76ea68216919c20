package dev.maml.lint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintResult;
import dev.maml.lint.RuleSetting;
import dev.maml.lint.TestRules;
import dev.maml.parse.DocumentParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

    @TempDir
    Path dir;

    Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void withoutAConfigTheDefaultsApply() throws Exception {
        assertSame(LintConfig.DEFAULTS, ConfigResolver.discovering().forDocument(dir.resolve("a/b/doc.maml.md")));
    }

    @Test
    void theNearestConfigUpwardWins() throws Exception {
        write(".maml-lint.yaml", "rules:\n  MAML012: off\n");
        write("sub/.maml-lint.yaml", "rules:\n  id-urn-uuid: warning\n");
        ConfigResolver resolver = ConfigResolver.discovering();
        assertFalse(resolver.forDocument(dir.resolve("x/y/doc.maml.md")).rules().get(RuleId.MAML012).enabled());
        RuleSetting sub = resolver.forDocument(dir.resolve("sub/deeper/doc.maml.md")).rules().get(RuleId.MAML012);
        assertEquals(new RuleSetting(true, Severity.WARNING, Map.of()), sub);
    }

    @Test
    void severitiesOptionsAndAliases() throws Exception {
        Path cfg = write("c.yaml", """
                rules:
                  MAML001: error
                  maml002: hint
                  yaml-syntax: info
                  MAML033: {severity: off}
                  MAML034: on
                  MAML019:
                    severity: warning
                    max_distance: 3
                    known: [a, b]
                    strict: true
                    ratio: 0.5
                  MAML041: {extra: null}
                """);
        Map<RuleId, RuleSetting> rules = ConfigResolver.fixed(cfg).forDocument(dir.resolve("d.maml.md")).rules();
        assertEquals(Severity.ERROR, rules.get(RuleId.MAML001).severity());
        assertEquals(Severity.HINT, rules.get(RuleId.MAML002).severity());
        assertEquals(Severity.INFO, rules.get(RuleId.MAML003).severity());
        assertFalse(rules.get(RuleId.MAML033).enabled());
        assertEquals(new RuleSetting(true, null, Map.of()), rules.get(RuleId.MAML034));
        assertEquals(Map.of("max_distance", 3L, "known", List.of("a", "b"), "strict", true, "ratio", 0.5),
                rules.get(RuleId.MAML019).options());
        assertEquals(Severity.WARNING, rules.get(RuleId.MAML019).severity());
        // A null option is no option (the rule's default applies).
        assertEquals(new RuleSetting(true, null, Map.of()), rules.get(RuleId.MAML041));
    }

    @Test
    void settingsReachTheEngine() throws Exception {
        Path cfg = write("c.yaml", "rules:\n  MAML032: off\n  MAML012: warning\n");
        LintConfig config = ConfigResolver.fixed(cfg).forDocument(dir.resolve("d.maml.md"));
        LintResult result = TestRules.engine().lint(DocumentParser.parse("---\nid: x\n---\n## Intent\nSHOUT\n"),
                config.settingsFor(dir.resolve("d.maml.md")));
        assertEquals(List.of("MAML012 warning"),
                result.diagnostics().stream().map(d -> d.rule() + " " + d.severity().label()).toList());
    }

    @Test
    void extendsChainsWithTheLaterFileWinning() throws Exception {
        Files.createDirectory(dir.resolve(".git")); // a repository: extends may reach its other directories
        write("base/root.yaml", "rules:\n  MAML012: off\n  MAML032: info\nignores: [\"vendor/**\"]\n");
        write("base/mid.yaml", "extends: root.yaml\nrules:\n  MAML032: error\n");
        write("proj/.maml-lint.yaml", "extends: ../base/mid.yaml\nrules:\n  MAML033: hint\nignores:\n  - \"**/*.draft.maml.md\"\n");
        LintConfig config = ConfigResolver.discovering().forDocument(dir.resolve("proj/doc.maml.md"));
        assertFalse(config.rules().get(RuleId.MAML012).enabled());
        assertEquals(Severity.ERROR, config.rules().get(RuleId.MAML032).severity());
        assertEquals(Severity.HINT, config.rules().get(RuleId.MAML033).severity());
        // Each file's ignores are relative to that file's own directory.
        assertTrue(config.ignores(dir.resolve("base/vendor/x/doc.maml.md")));
        assertFalse(config.ignores(dir.resolve("proj/vendor/doc.maml.md")));
        assertTrue(config.ignores(dir.resolve("proj/a.draft.maml.md")));
        assertTrue(config.ignores(dir.resolve("proj/deep/er/a.draft.maml.md")));
        assertFalse(config.ignores(dir.resolve("proj/a.maml.md")));
    }

    @Test
    void aLaterFilesWordAppliesOverTheInheritedSetting() throws Exception {
        write("base.yaml", "rules:\n  MAML019: {severity: info, max_distance: 3}\n  MAML032: {severity: hint, strict: true}\n"
                + "  MAML033: warning\n");
        write(".maml-lint.yaml", "extends: base.yaml\nrules:\n  MAML019: off\n  MAML032: error\n  MAML033: on\n"
                + "  MAML034: {max_distance: 1}\n");
        Map<RuleId, RuleSetting> rules = ConfigResolver.discovering().forDocument(dir.resolve("d.maml.md")).rules();
        // A word changes only what it names: on/off keep the severity, and the options stay.
        assertEquals(new RuleSetting(false, Severity.INFO, Map.of("max_distance", 3L)), rules.get(RuleId.MAML019));
        assertEquals(new RuleSetting(true, Severity.ERROR, Map.of("strict", true)), rules.get(RuleId.MAML032));
        assertEquals(new RuleSetting(true, Severity.WARNING, Map.of()), rules.get(RuleId.MAML033));
        assertEquals(new RuleSetting(true, null, Map.of("max_distance", 1L)), rules.get(RuleId.MAML034));
    }

    @Test
    void extendsTakesAListEachOverTheOnesBefore() throws Exception {
        write("a.yaml", "rules:\n  MAML019: {severity: info, max_distance: 3}\n  MAML032: error\nignores: [\"a/**\"]\n");
        write("b.yaml", "extends: c.yaml\nrules:\n  MAML019: warning\n  MAML032: off\nignores: [\"b/**\"]\n");
        write("c.yaml", "rules:\n  MAML033: hint\n  MAML032: info\n");
        write(".maml-lint.yml", "extends: [a.yaml, b.yaml]\nrules:\n  MAML032: on\n");
        LintConfig config = ConfigResolver.discovering().forDocument(dir.resolve("d.maml.md"));
        Map<RuleId, RuleSetting> rules = config.rules();
        // b's word applies over a's setting (options kept); c, which b extends, comes between a and b.
        assertEquals(new RuleSetting(true, Severity.WARNING, Map.of("max_distance", 3L)), rules.get(RuleId.MAML019));
        assertEquals(new RuleSetting(true, Severity.INFO, Map.of()), rules.get(RuleId.MAML032));
        assertEquals(Severity.HINT, rules.get(RuleId.MAML033).severity());
        assertTrue(config.ignores(dir.resolve("a/x.maml.md")));
        assertTrue(config.ignores(dir.resolve("b/x.maml.md")));
        LintConfigException bad = assertThrows(LintConfigException.class, () -> ConfigResolver.fixed(
                write("bad.yaml", "extends: [a.yaml, {x: 1}]\n")).forDocument(dir.resolve("d.maml.md")));
        assertEquals(dir.resolve("bad.yaml") + ":1:19: extends must be a path to another lint config, or a list of such paths",
                bad.getMessage());
    }

    @Test
    void dotYmlIsFoundAndBothSpellingsInOneDirectoryAreAnError() throws Exception {
        write("yml/.maml-lint.yml", "rules:\n  MAML012: off\n");
        ConfigResolver resolver = ConfigResolver.discovering();
        assertFalse(resolver.forDocument(dir.resolve("yml/sub/doc.maml.md")).rules().get(RuleId.MAML012).enabled());
        write("both/.maml-lint.yaml", "rules:\n  MAML012: off\n");
        write("both/.maml-lint.yml", "rules:\n  MAML012: off\n");
        LintConfigException e = assertThrows(LintConfigException.class, () -> resolver.forDocument(dir.resolve("both/doc.maml.md")));
        assertEquals(dir.resolve("both") + ": both .maml-lint.yaml and .maml-lint.yml (which one applies would be a guess; keep one)",
                e.getMessage());
    }

    @Test
    void ignoredDirectoriesCoverTheirContents() throws Exception {
        Path cfg = write(".maml-lint.yaml", "ignores:\n  - drafts\n  - \"gen/*.mu\"\n");
        LintConfig config = ConfigResolver.fixed(cfg).forDocument(dir.resolve("x.maml.md"));
        assertTrue(config.ignores(dir.resolve("drafts/a/b.maml.md")));
        assertTrue(config.ignores(dir.resolve("gen/r.mu")));
        assertFalse(config.ignores(dir.resolve("gen/sub/r.mu")));
        assertFalse(config.ignores(dir.resolve("draftsman.maml.md")));
    }

    @Test
    void unknownRuleIsAnErrorNamingFileAndLine() throws Exception {
        Path cfg = write(".maml-lint.yaml", "# settings\nrules:\n  MAML012: off\n  MAML999: warning\n");
        LintConfigException e = assertThrows(LintConfigException.class,
                () -> ConfigResolver.discovering().forDocument(dir.resolve("doc.maml.md")));
        assertEquals(cfg + ":4:3: unknown rule (expected a rule id such as MAML012, or its alias)", e.getMessage());
    }

    @Test
    void extendsCycleIsAClearError() throws Exception {
        Path a = write("a.yaml", "extends: b.yaml\n");
        Path b = write("b.yaml", "rules: {}\nextends: a.yaml\n");
        LintConfigException e = assertThrows(LintConfigException.class,
                () -> ConfigResolver.fixed(a).forDocument(dir.resolve("d.maml.md")));
        assertEquals(b + ":2: extends cycle: " + a + " -> " + b + " -> " + a, e.getMessage());
    }

    @Test
    void otherMistakesNameFileAndLine() throws Exception {
        assertError("rules:\n  MAML012: loud\n", ":2:12: unknown severity (expected off, on, error, warning, info or hint)");
        assertError("rule:\n  MAML012: off\n", ":1:1: unknown key (expected extends, rules or ignores)");
        assertError("- a\n", ":1:1: a lint config must be a mapping with the keys extends, rules, ignores");
        assertError("rules: [MAML012]\n", ":1:8: rules must be a mapping of rule ids to settings");
        assertError("extends: missing.yaml\n", ":1: extends " + dir.resolve("missing.yaml") + ": no such file");
        assertError("rules:\n  MAML012: off\n  MAML012: info\n", ":3:3: not valid YAML (duplicate-key)");
        assertError("rules: {\n", ":");
        assertError("ignores:\n  - ok/**\n  - \"[a-\"\n", ":3:5: invalid glob pattern");
    }

    @Test
    void anEmptyConfigChangesNothing() throws Exception {
        Path cfg = write("empty.yaml", "# nothing yet\n");
        LintConfig config = ConfigResolver.fixed(cfg).forDocument(dir.resolve("d.maml.md"));
        assertEquals(Map.of(), config.rules());
        assertEquals(cfg, config.source());
        assertNull(LintConfig.DEFAULTS.source());
    }

    void assertError(String yaml, String expectedTail) throws IOException {
        Path cfg = write("bad.yaml", yaml);
        LintConfigException e = assertThrows(LintConfigException.class,
                () -> ConfigResolver.fixed(cfg).forDocument(dir.resolve("d.maml.md")));
        assertTrue(e.getMessage().startsWith(cfg.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expectedTail), e.getMessage() + " should contain " + expectedTail);
    }
}
