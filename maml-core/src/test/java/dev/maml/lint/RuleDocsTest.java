package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.RuleId;
import dev.maml.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/rules/ID.md exists for every rule of the catalogue and its header says what {@link RuleId}
 * says, so the two never drift: line 1 {@code # ID: alias}, then {@code - Severity:} (the default
 * label first, optionally followed by a note), {@code - Tags:} and {@code - Fixable:}, and each of the
 * page's sections exactly once.
 */
class RuleDocsTest {

    @TestFactory
    Stream<DynamicTest> everyRuleHasAPageThatMatchesItsMetadata() {
        Path docs = TestData.repositoryRoot().resolve("docs/rules");
        return Arrays.stream(RuleId.values()).map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            Path page = docs.resolve(rule.id() + ".md");
            assertTrue(Files.isRegularFile(page), "missing " + page);
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            assertTrue(lines.size() > 5, page + " is too short");
            assertEquals("# " + rule.id() + ": " + rule.alias(), lines.get(0), page + ": title");
            assertEquals("", lines.get(1), page + ": blank line after the title");
            String severity = "- Severity: " + rule.defaultSeverity().label();
            assertTrue(lines.get(2).equals(severity) || lines.get(2).startsWith(severity + " ("), page + ": " + lines.get(2));
            assertEquals("- Tags: " + String.join(", ", rule.tags()), lines.get(3), page + ": tags");
            assertEquals("- Fixable: " + (rule.fixable() ? "yes" : "no"), lines.get(4), page + ": fixable");
            for (String heading : List.of("## Why", "## Bad", "## Good", "## Fix", "## Options")) {
                assertEquals(1, lines.stream().filter(heading::equals).count(), page + ": " + heading + " once");
            }
        }));
    }
}
