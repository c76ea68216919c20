package dev.maml.vocabulary;

import dev.maml.diagnostic.Severity;
import dev.maml.schema.FrontMatterSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words of the format, the one copy: sections (spec section 4), History verbs (7), fence
 * languages (6), read from the bundled {@value #RESOURCE}; front-matter keys and document types
 * (3) come from the front-matter JSON Schema. The lint rules, the language server's completion and
 * hover, and the VS Code grammar generator all read these, so they cannot disagree (a test checks
 * the copies that cannot read them: the snippets and the published schema).
 * <p>
 * A written section name stands for a known section when it matches it exactly or after
 * {@link #fold folding} case, spaces, underscores and hyphens ({@code Code Blocks}, {@code code_blocks}):
 * the linter reports the form (MAML035), and every front end treats it as that section.
 */
public final class Vocabulary {

    public static final String RESOURCE = "/dev/maml/vocabulary/vocabulary.json";

    private static final JsonNode JSON = read();
    private static final List<SectionWord> SECTIONS = sections(JSON.get("sections"));
    private static final Map<String, SectionWord> BY_FOLDED = byFolded(SECTIONS);
    private static final List<String> HISTORY_VERBS = strings(JSON.get("historyVerbs"));
    private static final List<String> RUNTIME_LANGUAGES = strings(JSON.get("runtimeLanguages"));
    private static final List<String> FENCE_LANGUAGES = strings(JSON.get("fenceLanguages"));

    private Vocabulary() {
    }

    /** Every known section: those of the recommended order in that order, then the legacy ones. */
    public static List<SectionWord> sections() {
        return SECTIONS;
    }

    /** The canonical names of the sections in the recommended order (spec section 4). */
    public static List<String> recommendedOrder() {
        return SECTIONS.stream().filter(SectionWord::ordered).map(SectionWord::name).toList();
    }

    /** The known section a written name stands for, exactly or in another form; empty for unknown names. */
    public static Optional<SectionWord> section(String written) {
        return written == null ? Optional.empty() : Optional.ofNullable(BY_FOLDED.get(fold(written)));
    }

    /** The canonical name of the known section a written name stands for. */
    public static Optional<String> canonicalSection(String written) {
        return section(written).map(SectionWord::name);
    }

    /** Lower case without spaces, underscores and hyphens: the key for form-insensitive matching. */
    public static String fold(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-' && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The History verbs (spec section 7); others are reported as information (MAML062). */
    public static List<String> historyVerbs() {
        return HISTORY_VERBS;
    }

    /** The fence languages the runtime executes (spec section 4); others are documentation (MAML042). */
    public static List<String> runtimeLanguages() {
        return RUNTIME_LANGUAGES;
    }

    /** The fence languages offered after {@code ```}: the runtime's first, then the ones documents commonly show. */
    public static List<String> fenceLanguages() {
        return FENCE_LANGUAGES;
    }

    /** The known document types (MAML017), as the schema lists them. */
    public static List<String> documentTypes() {
        return FrontMatterSchema.documentTypes();
    }

    /** Every top-level front-matter key the format defines (MAML019), as the schema lists them. */
    public static List<String> frontMatterKeys() {
        return FrontMatterSchema.knownKeys();
    }

    private static JsonNode read() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + RESOURCE);
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<SectionWord> sections(JsonNode array) {
        List<SectionWord> ordered = new ArrayList<>();
        List<SectionWord> legacy = new ArrayList<>();
        for (JsonNode s : array) {
            JsonNode required = s.get("required");
            SectionWord word = new SectionWord(s.get("name").asString(), s.path("ordered").asBoolean(false),
                    required == null ? null : Severity.parse(required.asString()), s.path("purpose").asString(""),
                    s.get("meaning").asString(), s.path("schema").asBoolean(false), s.path("code").asBoolean(false));
            (word.ordered() ? ordered : legacy).add(word);
        }
        ordered.addAll(legacy);
        return List.copyOf(ordered);
    }

    private static Map<String, SectionWord> byFolded(List<SectionWord> sections) {
        Map<String, SectionWord> map = new HashMap<>();
        sections.forEach(s -> map.put(fold(s.name()), s));
        return Map.copyOf(map);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
