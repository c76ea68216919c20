package dev.maml.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the editor configures, through {@code initializationOptions} or
 * {@code workspace/didChangeConfiguration}, either at the top level or under a {@code "maml"} key,
 * or per workspace folder as its answer to {@code workspace/configuration} (server.FolderSettings):
 * <pre>
 * { "config": "path/.maml-lint.yaml",       // like `maml lint --config`; absent: discovery
 *   "severities": {"MAML034": "off", "section-empty": "info"},   // override the config file
 *   "key": "keys/me.key", "publicKey": "keys/me.pub", "trust": ["keys/team.pub"],
 *   "docsUrl": "https://example.org/maml/",                      // where docs/rules/ID.md is published
 *   "debounceMillis": 200,                  // quiet time after a change before linting (0-5000)
 *   "projectTrustStores": false }           // ignore project trust stores, even allowed ones (an untrusted workspace)
 * </pre>
 * Unknown keys and values of the wrong type are ignored, so a newer editor config cannot break the server.
 */
public record ServerSettings(String config, Map<String, String> severities, String key, String publicKey,
                             List<String> trust, String docsUrl, int debounceMillis, boolean projectTrustStores) {

    public static final int DEFAULT_DEBOUNCE_MILLIS = 200;

    public static final ServerSettings DEFAULTS = new ServerSettings(null, Map.of(), null, null, List.of(), null,
            DEFAULT_DEBOUNCE_MILLIS);

    public ServerSettings {
        // In the editor's order, so problems with them are told in that order too.
        severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
        trust = List.copyOf(trust);
    }

    /** Settings that use the allowed project trust stores (spec section 8), as the command line does. */
    public ServerSettings(String config, Map<String, String> severities, String key, String publicKey,
                          List<String> trust, String docsUrl, int debounceMillis) {
        this(config, severities, key, publicKey, trust, docsUrl, debounceMillis, true);
    }

    public static ServerSettings from(Object options) {
        if (!(options instanceof JsonElement element) || !element.isJsonObject()) {
            return DEFAULTS;
        }
        JsonObject o = element.getAsJsonObject();
        if (o.has("maml") && o.get("maml").isJsonObject()) {
            o = o.getAsJsonObject("maml");
        }
        Map<String, String> severities = new LinkedHashMap<>();
        if (o.has("severities") && o.get("severities").isJsonObject()) {
            o.getAsJsonObject("severities").entrySet().forEach(e -> {
                String v = string(e.getValue());
                if (v != null) {
                    severities.put(e.getKey(), v);
                }
            });
        }
        List<String> trust = new ArrayList<>();
        if (o.has("trust") && o.get("trust").isJsonArray()) {
            o.getAsJsonArray("trust").forEach(t -> {
                String v = string(t);
                if (v != null) {
                    trust.add(v);
                }
            });
        }
        JsonElement debounce = o.get("debounceMillis");
        int millis = debounce != null && debounce.isJsonPrimitive() && debounce.getAsJsonPrimitive().isNumber()
                ? Math.max(0, Math.min(5000, debounce.getAsInt())) : DEFAULT_DEBOUNCE_MILLIS;
        // Only an explicit false turns project stores off: a wrong type must not change what is trusted.
        JsonElement projectStores = o.get("projectTrustStores");
        boolean useProjectStores = projectStores == null || !projectStores.isJsonPrimitive()
                || !projectStores.getAsJsonPrimitive().isBoolean() || projectStores.getAsBoolean();
        return new ServerSettings(string(o.get("config")), severities, string(o.get("key")),
                string(o.get("publicKey")), trust, string(o.get("docsUrl")), millis, useProjectStores);
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }
}
