package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.maml.testing.TestData;
import dev.maml.toolchain.FileKind;
import dev.maml.toolchain.Linting;
import dev.maml.trust.AllowedStores;
import dev.maml.trust.ProjectStores;
import dev.maml.trust.StoreSnapshot;
import dev.maml.trust.UserConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under src/test/resources/fixtures/RULE_ID/: a {@code bad-*.maml.md} file must
 * get exactly the findings its markers name (see {@link RuleFixture}), a {@code good-*.maml.md} file
 * none of the folder's rule. Every rule's fixtures run through the engine {@code maml lint} uses
 * ({@link Linting}), as files, so relative {@code public_key} paths and the MAML072 folder's trust
 * store are found from the fixture's path.
 */
public class RuleFixturesTest {

    /** The MAML072 folder's store counts as the user allowed it (in the tests' own configuration, see the pom). */
    @BeforeAll
    public static void allowTheFixtureStore() throws IOException {
        AllowedStores.load(UserConfig.fromEnvironment())
                .allow(StoreSnapshot.read(ProjectStores.named(fixturesRoot().resolve("MAML072")).orElseThrow()));
    }

    public static Path fixturesRoot() {
        return TestData.repositoryRoot().resolve("maml-core/src/test/resources/fixtures");
    }

    public static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(fixturesRoot())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".maml.md")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsExactlyItsMarkedFindings() throws IOException {
        return fixtures().stream().map(file -> DynamicTest.dynamicTest(
                fixturesRoot().relativize(file).toString(), () -> {
                    RuleFixture fixture = RuleFixture.read(file);
                    String name = file.getFileName().toString();
                    if (name.startsWith("bad")) {
                        assertFalse(fixture.expected().isEmpty(), name + " is a bad fixture without markers");
                    }
                    LintResult result = Linting.lint(fixture.text().getBytes(StandardCharsets.UTF_8), FileKind.DOCUMENT, LintSettings.DEFAULTS.withDocumentPath(file));
                    assertEquals(fixture.expected().stream().sorted().toList(),
                            fixture.actual(result).stream().sorted().toList(), file.toString());
                }));
    }
}
