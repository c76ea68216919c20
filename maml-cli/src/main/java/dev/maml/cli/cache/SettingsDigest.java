package dev.maml.cli.cache;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleSetting;
import dev.maml.sign.Digests;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The digest of a document's effective lint settings: every rule's on/off, severity and options
 * (from its config, after {@code extends}) and the trust the front end gives. Two documents whose
 * settings are equal share a digest, so a changed config or a rule turned off invalidates exactly
 * the entries it applies to. The document's own path is left out: entries are keyed by it already.
 * Thread-safe; memoised, as a run over thousands of files sees a handful of distinct settings.
 */
final class SettingsDigest {

    private final Map<LintSettings, byte[]> known = new ConcurrentHashMap<>();

    byte[] of(LintSettings settings) {
        return known.computeIfAbsent(settings.withDocumentPath(null), SettingsDigest::compute);
    }

    private static byte[] compute(LintSettings settings) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<RuleId, RuleSetting> e : new TreeMap<>(settings.rules()).entrySet()) {
            RuleSetting s = e.getValue();
            out.append(e.getKey().id()).append(s.enabled() ? " on " : " off ").append(s.severity()).append(' ');
            canonical(s.options(), out);
            out.append('\n');
        }
        out.append("trust ").append(settings.trust().projectStores());
        for (Path key : settings.trust().keys()) {
            canonical(key.toAbsolutePath().normalize().toString(), out);
        }
        return Digests.sha256(out.toString());
    }

    /** Options as YAML gives them (maps, lists, scalars), in one spelling whatever the map's order. */
    private static void canonical(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            sorted.forEach((k, v) -> {
                canonical(k, out);
                canonical(v, out);
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(v -> canonical(v, out));
            out.append(']');
        } else if (value == null) {
            out.append('~');
        } else {
            // Type and length first: "a" + "b" and "ab", or 1 and "1", cannot spell the same.
            String text = value.toString();
            out.append(value.getClass().getSimpleName()).append(text.length()).append(':').append(text);
        }
    }
}
