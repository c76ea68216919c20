package dev.maml.lsp.actions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * What an offered action carries to `codeAction/resolve` in its {@code data}: the document and the
 * version it was computed for, the participant that offered it, and what that participant needs
 * to find it again ({@code detail}, e.g. the finding a quick fix is for). Kept as a JSON object in
 * the action itself, so an action made in-process and one that crossed the wire read the same.
 */
public record ActionData(String uri, int version, String action, String detail) {

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("uri", uri);
        o.addProperty("version", version);
        o.addProperty("action", action);
        o.addProperty("detail", detail);
        return o;
    }

    /** The data of an action this server offered; empty for anything else (another server's, or edited). */
    public static Optional<ActionData> of(Object data) {
        if (!(data instanceof JsonObject o) || !string(o, "uri") || !string(o, "action") || !string(o, "detail")
                || !(o.get("version") instanceof com.google.gson.JsonPrimitive v) || !v.isNumber()) {
            return Optional.empty();
        }
        return Optional.of(new ActionData(o.get("uri").getAsString(), v.getAsInt(), o.get("action").getAsString(),
                o.get("detail").getAsString()));
    }

    private static boolean string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }
}
