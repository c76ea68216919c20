package dev.maml.schema;

import dev.maml.model.Range;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON text read into a Jackson tree together with where each value was written, so that a
 * schema problem found by pointer ({@code /properties/a/type}) can be shown on the exact token.
 * Offsets are UTF-16 units into the JSON text, as Jackson counts them when reading a String.
 *
 * @param root     the value, or null when the text is not JSON ({@code error} says why)
 * @param error    the first syntax error, or null
 * @param trailing offset of whatever follows the first value (a second value, prose), or -1
 * @param depth    the deepest nesting of objects and arrays (0 for a scalar)
 */
public record LocatedJson(JsonNode root, Map<String, Range> locations, SyntaxError error, int trailing, int depth) {

    /** Where the JSON text stops being JSON, and Jackson's reason, cleaned of its source-location noise. */
    public record SyntaxError(Range range, String message) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // RFC 8259 leaves duplicates undefined
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SOURCE_NOISE = Pattern.compile(
            "\\s*\\((?:start marker at|for \\w+ starting at) \\[Source:.*$", Pattern.DOTALL);

    public LocatedJson {
        // a view, not a copy: read() hands over a map it never touches again, and Map.copyOf probes
        // badly on hundreds of thousands of similar pointers
        locations = Collections.unmodifiableMap(locations);
    }

    /**
     * Where the value at a JSON pointer (RFC 6901) was written: a scalar's token, a container's
     * property name (or its opening bracket when it has none); the nearest written ancestor for a
     * pointer the text does not contain.
     */
    public Optional<Range> locate(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Range r = locations.get(p);
            if (r != null) {
                return Optional.of(r);
            }
            if (p.isEmpty()) {
                return Optional.empty();
            }
        }
    }

    public static LocatedJson read(String json) {
        Map<String, Range> locations = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(json)) {
            Reader reader = new Reader(json, parser, locations);
            if (parser.nextToken() == null) {
                return new LocatedJson(null, locations, new SyntaxError(Range.empty(json.length()),
                        "no JSON value"), -1, 0);
            }
            JsonNode root = reader.value("", null);
            return new LocatedJson(root, locations, null, trailing(parser, json), reader.maxDepth);
        } catch (JacksonException e) {
            int at = errorOffset(e, json);
            return new LocatedJson(null, locations, new SyntaxError(Range.of(at, wordEnd(json, at)), clean(e)), -1, 0);
        }
    }

    /** Where anything after the first value starts (a second value, or text that is not JSON), or -1. */
    private static int trailing(JsonParser parser, String json) {
        try {
            return parser.nextToken() == null ? -1 : offset(parser);
        } catch (JacksonException e) {
            return errorOffset(e, json);
        }
    }

    /** Jackson's character offset of an error, kept inside the text (it may be unknown: -1). */
    private static int errorOffset(JacksonException e, String json) {
        long at = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
        return (int) Math.max(0, Math.min(at, json.length()));
    }

    private static String clean(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage()).strip();
        int nl = message.indexOf('\n');
        return SOURCE_NOISE.matcher(nl < 0 ? message : message.substring(0, nl)).replaceAll("");
    }

    /** A bad literal ({@code tru}, {@code Inputs}) is shown whole; any other error on its one character. */
    private static int wordEnd(String json, int at) {
        int end = at;
        while (end < json.length() && (Character.isLetterOrDigit(json.charAt(end)) || "+-._".indexOf(json.charAt(end)) >= 0)) {
            end++;
        }
        return end > at ? end : Math.min(at + 1, json.length());
    }

    private static int offset(JsonParser parser) {
        return (int) parser.currentTokenLocation().getCharOffset();
    }

    /** Recursive descent over the token stream, recording each value's position under its pointer. */
    private static final class Reader {
        private final String json;
        private final JsonParser parser;
        private final Map<String, Range> locations;
        private int depth;
        private int maxDepth;

        Reader(String json, JsonParser parser, Map<String, Range> locations) {
            this.json = json;
            this.parser = parser;
            this.locations = locations;
        }

        /** Reads the value at the current token; {@code key} is the range of its property name, if any. */
        JsonNode value(String pointer, Range key) {
            int start = offset(parser);
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                locations.put(pointer, key != null ? key : Range.of(start, start + 1));
                maxDepth = Math.max(maxDepth, ++depth);
                JsonNode node = token == JsonToken.START_OBJECT ? object(pointer) : array(pointer);
                depth--;
                return node;
            }
            locations.put(pointer, Range.of(start, scalarEnd(start)));
            return switch (token) {
                case VALUE_STRING -> NODES.stringNode(parser.getString());
                case VALUE_NUMBER_INT -> parser.getNumberValue() instanceof BigInteger big
                        ? NODES.numberNode(big) : NODES.numberNode(parser.getNumberValue().longValue());
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                default -> NODES.nullNode();
            };
        }

        private ObjectNode object(String pointer) {
            ObjectNode node = NODES.objectNode();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                int keyStart = offset(parser);
                Range key = Range.of(keyStart, scalarEnd(keyStart));
                parser.nextToken();
                node.set(name, value(pointer + "/" + escape(name), key));
            }
            return node;
        }

        private ArrayNode array(String pointer) {
            ArrayNode node = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                node.add(value(pointer + "/" + node.size(), null));
            }
            return node;
        }

        /** End of the scalar token starting at {@code start}: a string up to its closing quote, else a bare word. */
        private int scalarEnd(int start) {
            if (start < json.length() && json.charAt(start) == '"') {
                int i = start + 1;
                while (i < json.length() && json.charAt(i) != '"') {
                    i += json.charAt(i) == '\\' ? 2 : 1;
                }
                return Math.min(i + 1, json.length());
            }
            return wordEnd(json, start);
        }
    }

    /** RFC 6901: "~" and "/" inside a reference token are written "~0" and "~1". */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
