package dev.maml.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The places that cannot read {@link Vocabulary} at run time keep a copy of its words; each copy
 * must say what the vocabulary says: the spec (the contract), the VS Code snippets, the published
 * JSON Schema, and the grammar generator (which reads vocabulary.json and must not re-list its words).
 */
class VocabularyCopiesTest {

    private static final Path ROOT = TestData.repositoryRoot();
    private static final Pattern CHOICE = Pattern.compile("\\$\\{\\d+\\|([^|]*)\\|}");

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
    }

    /** The {@code ${N|a,b|}} choice lists of a snippet's body, in order. */
    private static List<List<String>> choices(JsonNode snippet) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode line : snippet.get("body")) {
            Matcher m = CHOICE.matcher(line.asString());
            while (m.find()) {
                out.add(Arrays.asList(m.group(1).split(",")));
            }
        }
        return out;
    }

    @Test
    void theSnippetsOfferTheVocabularysTypesVerbsAndSections() throws IOException {
        JsonNode snippets = JsonMapper.builder().build().readTree(read("vscode-extension/snippets/maml.json"));
        assertEquals(List.of(Vocabulary.documentTypes()), choices(snippets.get("New MAML document")));
        assertEquals(List.of(Vocabulary.historyVerbs()), choices(snippets.get("History entry")));
        for (JsonNode line : snippets.get("New MAML document").get("body")) {
            String text = line.asString();
            if (text.startsWith("## ")) {
                String name = text.substring(3);
                assertEquals(Vocabulary.canonicalSection(name).orElse(null), name, "snippet section " + text);
            }
        }
    }

    @Test
    void thePublishedSchemaListsTheVocabularysTypes() throws IOException {
        JsonNode schema = JsonMapper.builder().build().readTree(read("docs/schema/maml-front-matter.schema.json"));
        List<String> listed = new ArrayList<>();
        schema.get("properties").get("type").get("anyOf").forEach(a -> a.path("enum").forEach(v -> listed.add(v.asString())));
        assertEquals(Vocabulary.documentTypes(), listed);
        assertTrue(Vocabulary.frontMatterKeys().containsAll(List.of("maml_version", "id", "type", "origin")));
    }

    @Test
    void theSpecListsTheVocabularysSectionsVerbsAndRuntimeLanguages() throws IOException {
        String spec = read("docs/spec/maml-spec.md");
        String sections = spec.substring(spec.indexOf("## 4. Sections"), spec.indexOf("## 5. "));
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z_]+)` \\|").matcher(sections);
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertEquals(Vocabulary.sections().stream().map(SectionWord::name).toList(), rows);
        assertTrue(sections.contains("order: " + String.join(", ", Vocabulary.recommendedOrder()) + " ("), "recommended order");
        assertTrue(sections.contains("Runtime languages: " + backticked(Vocabulary.runtimeLanguages()) + ";"), "runtime languages");
        String history = spec.substring(spec.indexOf("## 7. History"), spec.indexOf("## 8. "));
        assertTrue(history.replace("\n", " ").contains("Verbs: " + backticked(Vocabulary.historyVerbs()) + ";"), "History verbs");
    }

    private static String backticked(List<String> words) {
        return String.join(", ", words.stream().map(w -> "`" + w + "`").toList());
    }

    @Test
    void theGrammarGeneratorReadsTheVocabularyInsteadOfCopyingIt() throws IOException {
        String generator = read("vscode-extension/scripts/build-grammar.js");
        assertTrue(generator.contains("'vocabulary', 'vocabulary.json'"), "build-grammar.js reads vocabulary.json");
        for (String verb : Vocabulary.historyVerbs()) {
            assertFalse(generator.contains("'" + verb + "'"), "build-grammar.js lists the verb " + verb + " again");
        }
        for (SectionWord section : Vocabulary.sections()) {
            assertFalse(generator.contains("'" + section.name() + "|") || generator.contains("|" + section.name() + "'"),
                    "build-grammar.js lists the section " + section.name() + " in a pattern of its own");
        }
    }
}
