package dev.maml.lint.config;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.RuleSetting;
import dev.maml.model.LineIndex;
import dev.maml.model.Range;
import dev.maml.yaml.ScalarType;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlReader;
import dev.maml.yaml.YamlResult;
import dev.maml.yaml.YamlScalar;
import dev.maml.yaml.YamlSequence;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one {@code .maml-lint.yaml} and the files it {@code extends} (relative paths, chains;
 * a cycle is an error). The file is a mapping with three optional keys:
 * <pre>
 * extends: ../base.maml-lint.yaml
 * rules:
 *   MAML012: off                  # off | error | warning | info | hint | on
 *   section-empty:                # by alias too
 *     severity: info
 *     min_length: 3               # anything else is an option for the rule
 * ignores:
 *   - "drafts/**"                 # globs relative to this file's directory
 * </pre>
 * The YAML goes through the project's own reader (Jackson YAML with ranges and alias limits) so
 * every error names its file and line. A later file's setting for a rule replaces the earlier one.
 */
final class ConfigReader {

    private static final List<String> KEYS = List.of("extends", "rules", "ignores");

    private final List<Path> chain = new ArrayList<>();

    private ConfigReader() {
    }

    static LintConfig read(Path file) throws LintConfigException {
        return new ConfigReader().load(file.toAbsolutePath().normalize(), null);
    }

    private LintConfig load(Path file, String from) throws LintConfigException {
        if (chain.contains(file)) {
            List<String> names = new ArrayList<>(chain.stream().map(Path::toString).toList());
            names.add(file.toString());
            throw new LintConfigException(from + ": extends cycle: " + String.join(" -> ", names));
        }
        chain.add(file);
        String text = readText(file, from);
        LineIndex lines = new LineIndex(text);
        YamlResult yaml = YamlReader.read(text, Range.of(0, text.length()));
        if (!yaml.diagnostics().isEmpty()) {
            Diagnostic d = yaml.diagnostics().get(0);
            throw new LintConfigException(file + ":" + lines.displayLine(d.range().start()) + ": " + d.message());
        }
        Located at = new Located(file, lines);
        YamlMapping root = yaml.root() instanceof YamlMapping m ? m
                : yaml.root() instanceof YamlScalar s && s.type() == ScalarType.NULL ? null
                : at.fail(yaml.root(), "a lint config must be a mapping with the keys extends, rules, ignores");
        Map<RuleId, RuleSetting> rules = new EnumMap<>(RuleId.class);
        List<IgnorePattern> ignores = new ArrayList<>();
        if (root != null) {
            for (YamlEntry e : root.entries()) {
                if (!KEYS.contains(e.key().value())) {
                    at.fail(e.key(), "unknown key '" + e.key().value() + "' (expected extends, rules or ignores)");
                }
            }
            YamlNode base = root.get("extends").orElse(null);
            if (base != null) {
                String target = at.string(base, "extends must be a path to another lint config");
                String here = file + ":" + lines.displayLine(base.range().start());
                LintConfig parent = load(file.getParent().resolve(target).normalize(), here);
                rules.putAll(parent.rules());
                ignores.addAll(parent.ignores());
            }
            YamlNode ruleNode = root.get("rules").orElse(null);
            if (ruleNode != null) {
                rules.putAll(rules(ruleNode, at));
            }
            YamlNode ignoreNode = root.get("ignores").orElse(null);
            if (ignoreNode != null) {
                ignores.addAll(ignores(ignoreNode, file.getParent(), at));
            }
        }
        chain.remove(chain.size() - 1);
        return new LintConfig(file, rules, ignores);
    }

    private static String readText(Path file, String from) throws LintConfigException {
        String where = from == null ? file.toString() : from + ": extends " + file;
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new LintConfigException(where + ": no such file");
        } catch (CharacterCodingException e) {
            throw new LintConfigException(where + ": not UTF-8 text");
        } catch (IOException e) {
            throw new LintConfigException(where + ": " + e.getMessage());
        }
    }

    private static Map<RuleId, RuleSetting> rules(YamlNode node, Located at) throws LintConfigException {
        if (!(node instanceof YamlMapping map)) {
            throw at.error(node, "rules must be a mapping of rule ids to settings");
        }
        Map<RuleId, RuleSetting> rules = new EnumMap<>(RuleId.class);
        for (YamlEntry e : map.entries()) {
            RuleId id = RuleId.find(e.key().value())
                    .orElseThrow(() -> at.error(e.key(), "unknown rule '" + e.key().value() + "'"));
            rules.put(id, setting(e.value(), at));
        }
        return rules;
    }

    private static RuleSetting setting(YamlNode value, Located at) throws LintConfigException {
        if (value instanceof YamlScalar s) {
            return level(s, Map.of(), at);
        }
        if (value instanceof YamlMapping m) {
            Map<String, Object> options = new LinkedHashMap<>();
            for (YamlEntry e : m.entries()) {
                Object option = plain(e.value());
                // A null option means "not set", so the rule's default applies.
                if (!e.key().value().equals("severity") && option != null) {
                    options.put(e.key().value(), option);
                }
            }
            YamlNode severity = m.get("severity").orElse(null);
            if (severity == null) {
                return new RuleSetting(true, null, options);
            }
            if (!(severity instanceof YamlScalar s)) {
                throw at.error(severity, "severity must be off, error, warning, info or hint");
            }
            return level(s, options, at);
        }
        throw at.error(value, "a rule setting is off, error, warning, info, hint, or a mapping with severity and options");
    }

    private static RuleSetting level(YamlScalar s, Map<String, Object> options, Located at) throws LintConfigException {
        String v = s.value().strip().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("false")) {
            return new RuleSetting(false, null, options);
        }
        if (v.equals("on") || v.equals("true")) {
            return new RuleSetting(true, null, options);
        }
        try {
            return new RuleSetting(true, Severity.parse(v), options);
        } catch (IllegalArgumentException e) {
            throw at.error(s, "unknown severity '" + s.value() + "' (expected off, error, warning, info or hint)");
        }
    }

    private static List<IgnorePattern> ignores(YamlNode node, Path base, Located at) throws LintConfigException {
        List<YamlNode> items = node instanceof YamlSequence seq ? seq.items() : List.of(node);
        List<IgnorePattern> patterns = new ArrayList<>();
        for (YamlNode item : items) {
            String glob = at.string(item, "ignores must be a list of glob patterns");
            try {
                patterns.add(new IgnorePattern(base, glob));
            } catch (IllegalArgumentException e) {
                throw at.error(item, "invalid glob '" + glob + "': " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return patterns;
    }

    /** A YAML value as plain Java (String, Boolean, Long, Double, null, List, Map) for rule options. */
    private static Object plain(YamlNode node) {
        if (node instanceof YamlMapping m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.entries().forEach(e -> map.put(e.key().value(), plain(e.value())));
            return map;
        }
        if (node instanceof YamlSequence seq) {
            return seq.items().stream().map(ConfigReader::plain).toList();
        }
        YamlScalar s = (YamlScalar) node;
        return switch (s.type()) {
            case NULL -> null;
            case BOOLEAN -> Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT));
            case INTEGER -> parseLong(s.value());
            case FLOAT -> parseDouble(s.value());
            case STRING -> s.value();
        };
    }

    private static Object parseLong(String v) {
        try {
            return Long.decode(v.replace("0o", "0"));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static Object parseDouble(String v) {
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Error messages that point at a node: "file:line: message". */
    private record Located(Path file, LineIndex lines) {

        LintConfigException error(YamlNode node, String message) {
            int line = node == null ? 1 : lines.displayLine(node.range().start());
            return new LintConfigException(file + ":" + line + ": " + message);
        }

        <T> T fail(YamlNode node, String message) throws LintConfigException {
            throw error(node, message);
        }

        String string(YamlNode node, String message) throws LintConfigException {
            if (node instanceof YamlScalar s && s.type() == ScalarType.STRING && !s.value().isBlank()) {
                return s.value();
            }
            throw error(node, message);
        }
    }
}
