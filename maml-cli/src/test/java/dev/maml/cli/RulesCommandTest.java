package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.RuleId;
import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** `maml rules`: the catalogue as a table or JSON, and each rule's page as docs/rules/ID.md has it. */
class RulesCommandTest {

    @Test
    void listsTheWholeCatalogue() {
        CliRun run = CliRun.of("rules");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(RuleId.values().length + 1, lines.size());
        assertTrue(lines.get(0).matches("ID +ALIAS +SEVERITY +FIXABLE +TAGS +TITLE"), lines.get(0));
        assertTrue(lines.contains(String.format("%-8s %-26s %-8s %-7s %-24s %s", "MAML012", "id-urn-uuid", "error", "yes",
                "front-matter", RuleId.MAML012.title())), run.out());
    }

    @Test
    void listsTheCatalogueAsJson() {
        CliRun run = CliRun.of("rules", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = new ArrayList<>();
        for (JsonNode rule : Json.MAPPER.readTree(run.out()).get("rules")) {
            rows.add(rule.get("id").asString() + " " + rule.get("alias").asString() + " " + rule.get("severity").asString()
                    + " " + rule.get("fixable").asBoolean() + " " + rule.get("tags").valueStream().map(JsonNode::asString).toList());
        }
        List<String> expected = new ArrayList<>();
        for (RuleId id : RuleId.values()) {
            expected.add(id.id() + " " + id.alias() + " " + id.defaultSeverity().label() + " " + id.fixable() + " " + id.tags());
        }
        assertEquals(expected, rows);
    }

    @Test
    void printsEveryRulesPageByIdOrAlias() throws IOException {
        for (RuleId id : RuleId.values()) {
            String page = Files.readString(TestData.repositoryRoot().resolve("docs/rules/" + id.id() + ".md"));
            CliRun byId = CliRun.of("rules", id.id().toLowerCase(java.util.Locale.ROOT));
            assertEquals(0, byId.exitCode(), byId.err());
            assertEquals(page, byId.out(), id.id());
            assertEquals(page, CliRun.of("rules", id.alias()).out(), id.alias());
        }
        JsonNode json = Json.MAPPER.readTree(CliRun.of("rules", "MAML012", "--format", "json").out());
        assertEquals("id-urn-uuid", json.get("alias").asString());
        assertTrue(json.get("page").asString().startsWith("# MAML012: id-urn-uuid\n"));
    }

    @Test
    void anUnknownRuleOrFormatIsExitTwo() {
        CliRun run = CliRun.of("rules", "MAML999");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("maml: unknown rule 'MAML999' (expected a rule id such as MAML012, or its alias; maml rules lists them)\n", run.err());
        CliRun format = CliRun.of("rules", "--format", "yaml");
        assertEquals(2, format.exitCode());
        assertEquals("maml: unknown format 'yaml' (expected text or json)\n", format.err());
    }
}
