package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.maml.testing.TestData;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Linting;
import dev.maml.trust.AllowedStores;
import dev.maml.trust.ProjectStores;
import dev.maml.trust.StoreSnapshot;
import dev.maml.trust.UserConfig;
import java.io.IOException;
import dev.maml.diagnostic.RuleId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under src/test/resources/fixtures/RULE_ID/: a {@code bad-*} file must get
 * exactly the findings its markers name (see {@link RuleFixture}), a {@code good-*} file none of the
 * folder's rule. A fixture is a document ({@code .maml.md}) or a receipt ({@code .mu}), linted with
 * the engine {@code maml lint} uses for that kind of file ({@link Linting}), as a file, so relative
 * {@code public_key} paths, a receipt's source next to it and the MAML072 folder's trust store are
 * found from the fixture's path. Every id of the catalogue has at least one bad and one good fixture.
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
            return files.filter(p -> FileKind.of(p).isPresent()).sorted().toList();
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
                    LintResult result = Linting.lint(fixture.bytes(), FileKind.of(file).orElseThrow(),
                            LintSettings.DEFAULTS.withDocumentPath(file));
                    assertEquals(fixture.expected().stream().sorted().toList(),
                            fixture.actual(result).stream().sorted().toList(), file.toString());
                }));
    }

    @Test
    void everyRuleHasABadAndAGoodFixture() throws IOException {
        Set<String> names = fixtures().stream().map(f -> f.getParent().getFileName() + "/" + f.getFileName())
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (RuleId rule : RuleId.values()) {
            for (String kind : List.of("bad-", "good-")) {
                if (names.stream().noneMatch(n -> n.startsWith(rule.id() + "/" + kind))) {
                    missing.add(rule.id() + "/" + kind + "*");
                }
            }
        }
        assertEquals(List.of(), missing, "fixtures missing under " + fixturesRoot());
    }
}
