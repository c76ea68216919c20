package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.lint.Rule;
import dev.maml.lint.RuleFixture;
import dev.maml.lint.RuleFixturesTest;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.lint.SignatureRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For each fixture with a {@code .fixed} sibling: applying the fixes of the folder's
 * rule gives exactly that file, and the fixed document has no fixable finding of the rule left.
 * New UUIDs and "now" come from fixed sources so the expected files can be written by hand.
 */
class FixedFixturesTest {

    static final UUID NEW_UUID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:34:56Z"), ZoneOffset.UTC);

    /** The document engine of {@code maml lint}, with the rules that invent values made deterministic. */
    static LintEngine engine() {
        Supplier<UUID> uuids = () -> NEW_UUID;
        List<Rule> rules = Stream.concat(Rules.all().stream(), SignatureRules.all().stream())
                .map(rule -> rule instanceof RequiredKeyRule ? new RequiredKeyRule(NOW, uuids)
                        : rule instanceof IdUrnUuidRule ? new IdUrnUuidRule(uuids) : rule).toList();
        return new LintEngine(rules);
    }

    /** Linted as the file, so a relative public_key and the MAML072 folder's allowed store are found. */
    static List<Diagnostic> findings(Path file, String text, RuleId rule) {
        return engine().lint(DocumentParser.parse(text.getBytes(StandardCharsets.UTF_8)), LintSettings.DEFAULTS.withDocumentPath(file))
                .diagnostics().stream().filter(d -> d.rule() == rule).toList();
    }

    @BeforeAll
    static void allowTheFixtureStore() throws IOException {
        RuleFixturesTest.allowTheFixtureStore();
    }

    @TestFactory
    Stream<DynamicTest> fixesGiveTheFixedFile() throws IOException {
        Path root = RuleFixturesTest.fixturesRoot();
        List<Path> fixed;
        try (Stream<Path> files = Files.walk(root)) {
            fixed = files.filter(p -> p.toString().endsWith(".maml.md.fixed")).sorted().toList();
        }
        assertTrue(fixed.size() >= 15, ".fixed fixtures not found under " + root);
        return fixed.stream().map(expectedFile -> DynamicTest.dynamicTest(root.relativize(expectedFile).toString(), () -> {
            RuleId rule = RuleId.find(expectedFile.getParent().getFileName().toString()).orElseThrow();
            Path badFile = expectedFile.resolveSibling(expectedFile.getFileName().toString().replace(".fixed", ""));
            String bad = RuleFixture.read(badFile).text();
            String after = TestFixes.apply(bad, findings(badFile, bad, rule));
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), after);
            assertEquals(List.of(), findings(badFile, after, rule).stream().filter(d -> d.fix() != null).toList(),
                    "fixable findings left after fixing");
        }));
    }
}
