package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under src/test/resources/fixtures/RULE_ID/: a {@code bad-*.maml.md} file must
 * get exactly the findings its markers name (see {@link RuleFixture}), a {@code good-*.maml.md} file
 * none of the folder's rule.
 */
class RuleFixturesTest {

    static Path fixturesRoot() {
        return TestData.repositoryRoot().resolve("maml-parser/src/test/resources/fixtures");
    }

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(fixturesRoot())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".maml.md")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsExactlyItsMarkedFindings() throws IOException {
        LintEngine engine = LintEngine.standard();
        return fixtures().stream().map(file -> DynamicTest.dynamicTest(
                fixturesRoot().relativize(file).toString(), () -> {
                    RuleFixture fixture = RuleFixture.read(file);
                    String name = file.getFileName().toString();
                    if (name.startsWith("bad")) {
                        assertFalse(fixture.expected().isEmpty(), name + " is a bad fixture without markers");
                    }
                    LintResult result = engine.lint(fixture.document(), LintSettings.DEFAULTS.withDocumentPath(file));
                    assertEquals(fixture.expected().stream().sorted().toList(),
                            fixture.actual(result).stream().sorted().toList(), file.toString());
                }));
    }
}
