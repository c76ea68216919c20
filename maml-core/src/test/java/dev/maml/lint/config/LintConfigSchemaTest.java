package dev.maml.lint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.RuleId;
import dev.maml.model.Range;
import dev.maml.schema.SchemaValidator;
import dev.maml.schema.YamlJson;
import dev.maml.testing.TestData;
import dev.maml.yaml.YamlResult;
import dev.maml.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/schema/maml-lint.schema.json: it names the whole rule catalogue, every config example in the
 * docs is valid against it, it accepts and refuses the same shapes as {@link ConfigReader}, and the
 * VS Code extension contributes it for both config file names.
 */
class LintConfigSchemaTest {

    private static final Path ROOT = TestData.repositoryRoot();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> KEYS = Set.of("extends", "rules", "ignores");

    @TempDir
    Path dir;

    private static JsonNode schemaJson() throws IOException {
        return JSON.readTree(Files.readString(ROOT.resolve("docs/schema/maml-lint.schema.json")));
    }

    private static SchemaValidator schema() throws IOException {
        return SchemaValidator.compile(schemaJson());
    }

    private static JsonNode yaml(String text) {
        YamlResult result = YamlReader.read(text, Range.of(0, text.length()));
        assertEquals(List.of(), result.diagnostics(), text);
        return YamlJson.toJson(result.root());
    }

    @Test
    void theSchemaNamesEveryRuleByIdAndAlias() throws IOException {
        JsonNode rules = schemaJson().get("properties").get("rules");
        Set<String> expected = new TreeSet<>();
        for (RuleId rule : RuleId.values()) {
            expected.add(rule.id());
            expected.add(rule.alias());
        }
        assertEquals(expected, new TreeSet<>(rules.get("properties").propertyNames()));
        List<String> patterns = new ArrayList<>(rules.get("patternProperties").propertyNames());
        assertEquals(1, patterns.size());
        Pattern anyCase = Pattern.compile(patterns.get(0));
        for (RuleId rule : RuleId.values()) {
            assertTrue(anyCase.matcher(rule.id().toLowerCase(java.util.Locale.ROOT)).find(), rule.id());
            assertFalse(anyCase.matcher(rule.alias().toUpperCase(java.util.Locale.ROOT)).find(), rule.alias());
        }
        assertFalse(anyCase.matcher("maml999").find());
    }

    @Test
    void everyConfigExampleInTheDocsIsValid() throws IOException {
        SchemaValidator schema = schema();
        List<String> examples = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            pages = new ArrayList<>(docs.filter(p -> p.toString().endsWith(".md")).toList());
        }
        pages.add(ROOT.resolve("README.md"));
        for (Path page : pages) {
            Matcher block = Pattern.compile("(?ms)^( *)```ya?ml\\n(.*?)^\\1```").matcher(Files.readString(page));
            while (block.find()) {
                String indent = block.group(1);
                String text = block.group(2).replaceAll("(?m)^" + indent, "");
                YamlResult parsed = YamlReader.read(text, Range.of(0, text.length()));
                JsonNode config = parsed.diagnostics().isEmpty() ? YamlJson.toJson(parsed.root()) : null;
                if (config != null && config.isObject() && !config.isEmpty() && KEYS.containsAll(config.propertyNames())) {
                    examples.add(page.getFileName() + ": " + text);
                    assertEquals(List.of(), schema.validate(config), page + ":\n" + text);
                }
            }
        }
        assertTrue(examples.size() >= 3, "the config examples found: " + examples);
    }

    /** Configs maml reads: the schema accepts them. */
    @ParameterizedTest
    @ValueSource(strings = {
            "", "rules:\n  MAML012: off\n", "rules:\n  maml012: ' Warning '\n", "rules:\n  id-urn-uuid: true\n",
            "rules:\n  MAML019: {severity: info, max_distance: 2}\n", "rules:\n  MAML019: {max_distance: 2}\n",
            "extends: base.yaml\n", "extends: [base.yaml, other.yaml]\n", "ignores: drafts/**\n",
            "ignores: [\"drafts/**\", \"**/*.gen.maml.md\"]\n", "rules:\n  MU005: hint\n"})
    void whatMamlReadsTheSchemaAccepts(String text) throws IOException, LintConfigException {
        Path config = configFile(text);
        ConfigReader.read(config);
        assertEquals(List.of(), schema().validate(yaml(text)), text);
    }

    /** Configs maml refuses for their shape: the schema refuses them too. */
    @ParameterizedTest
    @ValueSource(strings = {
            "rules:\n  MAML999: off\n", "rules:\n  ID-URN-UUID: off\n", "rules:\n  MAML012: loud\n", "unknown: 1\n",
            "extends: 3\n", "extends: ' '\n", "rules: [a]\n", "ignores: [1]\n", "rules:\n  MAML012: {severity: [x]}\n",
            "- a\n", "rules:\n  MAML012:\n", "rules:\n  MAML012: 1\n", "extends: [base.yaml, {x: 1}]\n"})
    void whatMamlRefusesTheSchemaRefuses(String text) throws IOException {
        Path config = configFile(text);
        try {
            ConfigReader.read(config);
            throw new AssertionError("maml read it: " + text);
        } catch (LintConfigException expected) {
            assertFalse(schema().validate(yaml(text)).isEmpty(), text);
        }
    }

    private Path configFile(String text) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "rules:\n  MAML033: info\n");
        Files.writeString(dir.resolve("other.yaml"), "rules:\n  MAML034: off\n");
        return Files.writeString(dir.resolve(ConfigResolver.FILE_NAME), text);
    }

    @Test
    void theVsCodeExtensionContributesTheSchemaForBothFileNames() throws IOException {
        JsonNode contributions = JSON.readTree(Files.readString(ROOT.resolve("vscode-extension/package.json")))
                .get("contributes").get("yamlValidation");
        assertEquals(1, contributions.size(), contributions.toString());
        JsonNode entry = contributions.get(0);
        assertEquals(List.of(ConfigResolver.FILE_NAME, ConfigResolver.SHORT_FILE_NAME),
                entry.get("fileMatch").valueStream().map(JsonNode::asString).toList());
        // scripts/prepackage.js copies docs/schema/NAME to schemas/NAME for every such url.
        String url = entry.get("url").asString();
        assertTrue(url.startsWith("./schemas/"), url);
        assertTrue(Files.isRegularFile(ROOT.resolve("docs/schema").resolve(url.substring("./schemas/".length()))), url);
        assertEquals("maml-lint.schema.json", url.substring("./schemas/".length()));
    }
}
