package dev.maml.yaml;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.Range;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads front matter YAML into {@link YamlNode}s with document ranges, using Jackson's streaming
 * YAML parser (SnakeYAML Engine, YAML 1.2). Aliases are never copied: an alias shares its anchor's
 * node, and the size that sharing stands for is computed, not built, so a "billion laughs" document
 * is refused after reading each node once. Duplicate keys are reported where the second one stands.
 */
public final class YamlReader {

    /** Most nodes a front matter may stand for once its aliases are expanded. */
    public static final long MAX_EXPANDED_NODES = 100_000;
    /** Most nodes a front matter may contain as written. */
    public static final int MAX_NODES = 1_000_000;

    /** Smallest read buffer: SnakeYAML's default, enough for any real front matter. */
    private static final int MIN_BUFFER_BITS = 10;

    /**
     * One mapper per read-buffer size, a power of two at least as large as the text. SnakeYAML
     * copies its whole look-ahead window on every buffer refill, and a scalar keeps the window
     * open from its first character, so with a fixed 1 KiB buffer one long scalar cost
     * length² / 2 KiB copies (a 10 MB value: 43 s). With a buffer that holds the whole text
     * there is one refill, and reading is linear.
     */
    private static final YAMLMapper[] MAPPERS = new YAMLMapper[Integer.SIZE];

    private static synchronized YAMLMapper mapperFor(int length) {
        int bits = Math.max(MIN_BUFFER_BITS, Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(1, length)));
        if (MAPPERS[bits] == null) {
            int size = bits >= Integer.SIZE - 1 ? Integer.MAX_VALUE - 16 : 1 << bits;
            MAPPERS[bits] = new YAMLMapper(YAMLFactory.builder()
                    .loadSettings(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setBufferSize(size).build())
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
                    // Duplicates are ours to report (MAML005, at the second key), not a reason to stop reading.
                    .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build());
        }
        return MAPPERS[bits];
    }

    private final String document;
    private final int base;
    private final CodePointCursor cursor;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private JsonParser parser;
    private int nodes;

    private YamlReader(String document, Range content, String yaml) {
        this.document = document;
        this.base = content.start();
        this.cursor = new CodePointCursor(yaml);
    }

    /** Reads the YAML in {@code content}, a range of {@code document}. An empty text is an empty mapping. */
    public static YamlResult read(String document, Range content) {
        YamlNode plain = PlainBlockYaml.read(document, content.start(), content.end());
        return plain != null ? new YamlResult(plain, List.of()) : readFully(document, content);
    }

    /** Reads {@code content} with SnakeYAML through Jackson: every YAML form, every error and limit. */
    static YamlResult readFully(String document, Range content) {
        String yaml = document.substring(content.start(), content.end());
        return new YamlReader(document, content, yaml).read(content, yaml);
    }

    private YamlResult read(Range content, String yaml) {
        try (JsonParser p = mapperFor(yaml.length()).createParser(yaml)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlResult(new YamlMapping(List.of(), Range.empty(content.start()), 1), diagnostics);
            }
            YamlNode root = readNode(first);
            return new YamlResult(root, diagnostics);
        } catch (Stop stop) {
            diagnostics.add(Diagnostic.of(stop.rule, stop.getMessage(), stop.range));
        } catch (JacksonException e) {
            diagnostics.add(Diagnostic.of(RuleId.MAML003, describe(e), errorRange(e, content)));
        } catch (RuntimeException e) {
            // SnakeYAML reports a few structural problems with its own unchecked exceptions.
            diagnostics.add(Diagnostic.of(RuleId.MAML003, "YAML error: " + firstLine(String.valueOf(e.getMessage())),
                    Range.empty(content.start())));
        }
        return new YamlResult(null, diagnostics);
    }

    private YamlNode readNode(JsonToken token) {
        if (++nodes > MAX_NODES) {
            throw new Stop(RuleId.MAML006, "front matter has more than " + MAX_NODES + " YAML nodes", tokenRange());
        }
        return switch (token) {
            case START_OBJECT -> readMapping();
            case START_ARRAY -> readSequence();
            default -> readScalar();
        };
    }

    private YamlMapping readMapping() {
        String anchor = anchor();
        int start = tokenStart();
        int end = tokenEnd();
        List<YamlEntry> entries = new ArrayList<>();
        Map<String, YamlScalar> seen = new HashMap<>();
        long size = 1;
        for (JsonToken t = next(); t != JsonToken.END_OBJECT; t = next()) {
            YamlScalar key = keyScalar();
            YamlScalar first = seen.putIfAbsent(key.value(), key);
            if (first != null) {
                diagnostics.add(Diagnostic.of(RuleId.MAML005, "duplicate key '" + key.value()
                        + "' (first defined on line " + lineOf(first.range().start()) + ")", key.range()));
            }
            YamlNode value = readNode(next());
            entries.add(new YamlEntry(key, value));
            size = bounded(size + 1 + value.expandedSize(), key.range());
            end = Math.max(end, value.range().end());
        }
        return remember(anchor, new YamlMapping(entries, Range.of(start, end), size));
    }

    private YamlSequence readSequence() {
        String anchor = anchor();
        int start = tokenStart();
        int end = tokenEnd();
        List<YamlNode> items = new ArrayList<>();
        long size = 1;
        for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
            YamlNode item = readNode(t);
            items.add(item);
            // The current token, not the item: an alias item's range is its anchor's, elsewhere.
            size = bounded(size + item.expandedSize(), tokenRange());
            end = Math.max(end, item.range().end());
        }
        return remember(anchor, new YamlSequence(items, Range.of(start, end), size));
    }

    private YamlNode readScalar() {
        if (((YAMLParser) parser).isCurrentAlias()) {
            String name = parser.getString();
            YamlNode target = anchors.get(name);
            if (target == null) {
                throw new Stop(RuleId.MAML003, "YAML error: unknown alias '*" + name + "'", tokenRange());
            }
            return target;
        }
        Range range = tokenRange();
        // Jackson reports anchors of collections only; a scalar's is read from the source.
        String anchor = anchor() != null ? anchor() : anchorAt(range.start());
        String value = parser.currentToken() == JsonToken.VALUE_NULL ? "" : parser.getString();
        return remember(anchor, scalar(value, range));
    }

    private YamlScalar keyScalar() {
        return scalar(parser.currentName(), tokenRange());
    }

    private YamlScalar scalar(String value, Range range) {
        return scalar(document, value, range);
    }

    /** The scalar {@code value} written at {@code range}: its style, type and lexical form come from the source. */
    static YamlScalar scalar(String document, String value, Range range) {
        ScalarStyle style = styleAt(document, range.start());
        ScalarType type = style == ScalarStyle.PLAIN ? CoreSchema.resolve(value) : ScalarType.STRING;
        String lexical = document.substring(range.start(), range.end()).stripTrailing();
        return new YamlScalar(value, type, style, lexical, range);
    }

    /** The anchor name among the node properties (&a, !t) written at {@code offset}, or null. */
    private String anchorAt(int offset) {
        int i = offset;
        while (i < document.length() && (document.charAt(i) == '&' || document.charAt(i) == '!')) {
            int start = i;
            while (i < document.length() && !Character.isWhitespace(document.charAt(i))) {
                i++;
            }
            if (document.charAt(start) == '&') {
                return document.substring(start + 1, i);
            }
            while (i < document.length() && Character.isWhitespace(document.charAt(i))) {
                i++;
            }
        }
        return null;
    }

    /** The style is read from the source, after any anchor (&a) or tag (!t) properties. */
    private static ScalarStyle styleAt(String document, int offset) {
        int i = offset;
        while (i < document.length() && (document.charAt(i) == '&' || document.charAt(i) == '!')) {
            while (i < document.length() && !Character.isWhitespace(document.charAt(i))) {
                i++;
            }
            while (i < document.length() && Character.isWhitespace(document.charAt(i))) {
                i++;
            }
        }
        if (i >= document.length()) {
            return ScalarStyle.PLAIN;
        }
        return switch (document.charAt(i)) {
            case '"' -> ScalarStyle.DOUBLE_QUOTED;
            case '\'' -> ScalarStyle.SINGLE_QUOTED;
            case '|' -> ScalarStyle.LITERAL;
            case '>' -> ScalarStyle.FOLDED;
            default -> ScalarStyle.PLAIN;
        };
    }

    private <T extends YamlNode> T remember(String anchor, T node) {
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private long bounded(long size, Range where) {
        if (size > MAX_EXPANDED_NODES || size < 0) {
            // without anchors there are no aliases: the front matter is simply that large
            String what = anchors.isEmpty() ? "front matter has more than " + MAX_EXPANDED_NODES + " YAML nodes"
                    : "YAML aliases expand to more than " + MAX_EXPANDED_NODES + " nodes (a \"billion laughs\" document?)";
            throw new Stop(RuleId.MAML006, what + "; the front matter was not read", where);
        }
        return size;
    }

    private String anchor() {
        Object id = parser.getObjectId();
        return id == null ? null : id.toString();
    }

    private JsonToken next() {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new IllegalStateException("YAML ended inside a collection");
        }
        return t;
    }

    private Range tokenRange() {
        int start = tokenStart();
        return Range.of(start, Math.max(start, tokenEnd()));
    }

    private int tokenStart() {
        return toOffset(parser.currentTokenLocation());
    }

    private int tokenEnd() {
        return toOffset(parser.currentLocation());
    }

    private int toOffset(TokenStreamLocation location) {
        return base + cursor.charOffset(Math.max(0, location.getCharOffset()));
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = document.indexOf('\n'); i >= 0 && i < offset; i = document.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    private Range errorRange(JacksonException e, Range content) {
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getCharOffset() < 0) {
            return Range.empty(content.start());
        }
        int at = Math.min(toOffset(location), content.end());
        return Range.of(at, Math.min(lineEndFrom(at), content.end()));
    }

    private int lineEndFrom(int offset) {
        int nl = document.indexOf('\n', offset);
        int end = nl < 0 ? document.length() : nl;
        return end > offset && document.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        return "YAML syntax error: " + firstLine(message == null ? e.getClass().getSimpleName() : message);
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /** Reading stopped on purpose: a problem the reader found itself, or a limit it enforces. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuleId rule;
        private final transient Range range;

        Stop(RuleId rule, String message, Range range) {
            super(message, null, false, false);
            this.rule = rule;
            this.range = range;
        }
    }
}
