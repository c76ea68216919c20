package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each front-matter rule has docs/rules/ID.md whose header agrees with the catalogue. */
class FrontMatterRuleDocsTest {

    @TestFactory
    Stream<DynamicTest> headerMatchesTheCatalogue() {
        return FrontMatterRules.all().stream().flatMap(r -> r.ids().stream()).map(id -> DynamicTest.dynamicTest(id.id(), () -> {
            Path page = TestData.repositoryRoot().resolve("docs/rules/" + id.id() + ".md");
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            assertEquals("# " + id.id() + ": " + id.alias(), lines.get(0));
            assertEquals(id.defaultSeverity().label(), lines.get(2).replaceFirst("^- Severity: (\\w+).*$", "$1"), lines.get(2));
            assertEquals("- Tags: " + String.join(", ", id.tags()), lines.get(3));
            assertEquals("- Fixable: " + (id.fixable() ? "yes" : "no"), lines.get(4));
            for (String section : List.of("## Why", "## Bad", "## Good", "## Fix", "## Options")) {
                assertEquals(1, lines.stream().filter(section::equals).count(), id + " " + section);
            }
        }));
    }
}
