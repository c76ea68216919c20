package dev.maml.quadaes;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The fields of a keyring file, read with Jackson's streaming parser rather than its data binding:
 * a keyring is a small flat object, and building the data-binding mapper was about 70 ms of a
 * seal's or unseal's start, a quarter of a small seal (docs/performance.md, issue 15). What is read
 * is what the tree it replaces gave: a field of another type than expected reads as missing ("", 0),
 * unknown fields are skipped, the last of a repeated field counts; {@link Keyring#load} judges the result.
 *
 * @param heads null when "heads" is missing or not an array
 */
record KeyringFields(String format, int version, String id, @Nullable List<Head> heads) {

    /** One element of "heads"; an element that is not an object reads as {@code Head(0, 0, "")}. */
    record Head(int head, int epoch, String key) {
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** @throws JacksonException when the text is not one JSON value */
    static KeyringFields read(String text) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = p.nextToken();
            KeyringFields fields = first == JsonToken.START_OBJECT ? object(p) : skip(p, first);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("content after the keyring's JSON value");
            }
            return fields;
        }
    }

    private static KeyringFields object(JsonParser p) {
        String format = "";
        int version = 0;
        String id = "";
        List<Head> heads = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "format" -> format = string(p, value);
                case "version" -> version = integer(p, value);
                case "id" -> id = string(p, value);
                case "heads" -> heads = value == JsonToken.START_ARRAY ? heads(p) : skipped(p);
                default -> p.skipChildren();
            }
        }
        return new KeyringFields(format, version, id, heads);
    }

    private static List<Head> heads(JsonParser p) {
        List<Head> heads = new ArrayList<>();
        for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken()) {
            if (element == null) {
                throw new IllegalArgumentException("the keyring's JSON ends inside \"heads\"");
            }
            if (element != JsonToken.START_OBJECT) {
                p.skipChildren();
                heads.add(new Head(0, 0, ""));
                continue;
            }
            int head = 0;
            int epoch = 0;
            String key = "";
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "head" -> head = integer(p, value);
                    case "epoch" -> epoch = integer(p, value);
                    case "key" -> key = string(p, value);
                    default -> p.skipChildren();
                }
            }
            heads.add(new Head(head, epoch, key));
        }
        return heads;
    }

    private static String string(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        p.skipChildren();
        return "";
    }

    private static int integer(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue(); // out of int range: a JacksonException, a malformed keyring
        }
        p.skipChildren();
        return 0;
    }

    private static <T> @Nullable T skipped(JsonParser p) {
        p.skipChildren();
        return null;
    }

    /** A top-level value that is not an object: read to its end; no field of a keyring is there. */
    private static KeyringFields skip(JsonParser p, @Nullable JsonToken first) {
        if (first != null) {
            p.skipChildren();
        }
        return new KeyringFields("", 0, "", null);
    }
}
