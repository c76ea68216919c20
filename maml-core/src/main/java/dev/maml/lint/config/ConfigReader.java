package dev.maml.lint.config;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one {@code .maml-lint.yaml} and the files it {@code extends} (relative paths, one or a
 * list, chains; a cycle is an error). The file is a mapping with three optional keys:
 * <pre>
 * extends: ../base.maml-lint.yaml      # or a list: [../base.yaml, strict.yaml]
 * rules:
 *   MAML012: off                  # off | on | error | warning | info | hint ({@link SeverityWord})
 *   section-empty:                # by alias too
 *     severity: info
 *     min_length: 3               # anything else is an option for the rule
 * ignores:
 *   - "drafts/**"                 # globs relative to this file's directory
 * </pre>
 * The YAML goes through the project's own reader (Jackson YAML with ranges and alias limits) so
 * every error names its file and line. A later file's setting for a rule is applied over the earlier
 * one ({@link #rules}): a list of parents is read in order, each over the ones before it, as if
 * each extended the one before, and the file itself over them all (ESLint's order).
 *
 * <p>A config may come from a cloned repository, and the language server may be told to read any
 * path, so: every file of the chain must be, once symlinks are resolved, inside the first file's
 * repository (the nearest directory above it holding {@code .git}) or, outside a repository,
 * below the first file's own directory; it must be a regular file of at most {@link #MAX_BYTES};
 * and no message quotes the file's content (a key, a value, a YAML parser's excerpt), only where
 * the problem is, so a config error cannot leak a file the caller could not read otherwise.
 */
final class ConfigReader {

    /** Largest config file read: real ones are a few hundred bytes. */
    static final int MAX_BYTES = 1 << 20;

    private static final List<String> KEYS = List.of("extends", "rules", "ignores");

    private final List<Path> chain = new ArrayList<>();
    private final Path root;

    private ConfigReader(Path root) {
        this.root = root;
    }

    static LintConfig read(Path file) throws LintConfigException {
        Path first = file.toAbsolutePath().normalize();
        return new ConfigReader(root(first)).load(first, null, Map.of());
    }

    /** The tree a config chain must stay in: the repository of {@code first}, else its directory. */
    private static Path root(Path first) throws LintConfigException {
        Path dir = first.getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                dir = d;
                break;
            }
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new LintConfigException(first + ": cannot read its directory");
        }
    }

    /** The config in {@code file}, its settings applied over {@code base} (what the configs before it in the chain set). */
    private LintConfig load(Path file, String from, Map<RuleId, RuleSetting> base) throws LintConfigException {
        if (chain.contains(file)) {
            List<String> names = new ArrayList<>(chain.stream().map(Path::toString).toList());
            names.add(file.toString());
            throw new LintConfigException(from + ": extends cycle: " + String.join(" -> ", names));
        }
        chain.add(file);
        String text = readText(file, from);
        LineIndex lines = new LineIndex(text);
        Located at = new Located(file, lines);
        YamlResult yaml = YamlReader.read(text, Range.of(0, text.length()));
        if (!yaml.diagnostics().isEmpty()) {
            // The YAML reader's own message may quote the text; its rule alias says enough.
            Diagnostic d = yaml.diagnostics().get(0);
            throw at.error(d.range().start(), "not valid YAML (" + d.rule().alias() + ")");
        }
        YamlMapping top = yaml.root() instanceof YamlMapping m ? m
                : yaml.root() instanceof YamlScalar s && s.type() == ScalarType.NULL ? null
                : at.fail(yaml.root(), "a lint config must be a mapping with the keys extends, rules, ignores");
        Map<RuleId, RuleSetting> rules = new EnumMap<>(RuleId.class);
        rules.putAll(base);
        List<IgnorePattern> ignores = new ArrayList<>();
        if (top != null) {
            for (YamlEntry e : top.entries()) {
                if (!KEYS.contains(e.key().value())) {
                    at.fail(e.key(), "unknown key (expected extends, rules or ignores)");
                }
            }
            YamlNode parents = top.get("extends").orElse(null);
            List<YamlNode> targets = parents == null ? List.of() : parents instanceof YamlSequence seq ? seq.items() : List.of(parents);
            for (YamlNode target : targets) {
                String path = at.string(target, "extends must be a path to another lint config, or a list of such paths");
                String here = file + ":" + lines.displayLine(target.range().start());
                LintConfig parent = load(file.getParent().resolve(path).normalize(), here, rules);
                rules.putAll(parent.rules());
                ignores.addAll(parent.ignores());
            }
            YamlNode ruleNode = top.get("rules").orElse(null);
            if (ruleNode != null) {
                rules.putAll(rules(ruleNode, rules, at));
            }
            YamlNode ignoreNode = top.get("ignores").orElse(null);
            if (ignoreNode != null) {
                ignores.addAll(ignores(ignoreNode, file.getParent(), at));
            }
        }
        chain.remove(chain.size() - 1);
        return new LintConfig(file, rules, ignores);
    }

    /** The file's text, when it is a regular file in the chain's tree and no larger than the bound. */
    private String readText(Path file, String from) throws LintConfigException {
        String where = from == null ? file.toString() : from + ": extends " + file;
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                throw new LintConfigException(where + ": outside " + root
                        + " (a lint config extends only files of its own repository, or of its own directory outside one)");
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new LintConfigException(where + ": not a regular file");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new LintConfigException(where + ": larger than " + MAX_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new LintConfigException(where + ": no such file");
        } catch (CharacterCodingException e) {
            throw new LintConfigException(where + ": not UTF-8 text");
        } catch (IOException e) {
            throw new LintConfigException(where + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The settings of {@code node}, each applied over what {@code inherited} (the {@code extends} chain)
     * configures for the rule: a {@link SeverityWord} changes only whether the rule runs and, when it
     * names one, its severity; options given replace the inherited options.
     */
    private static Map<RuleId, RuleSetting> rules(YamlNode node, Map<RuleId, RuleSetting> inherited, Located at)
            throws LintConfigException {
        if (!(node instanceof YamlMapping map)) {
            throw at.error(node, "rules must be a mapping of rule ids to settings");
        }
        Map<RuleId, RuleSetting> rules = new EnumMap<>(RuleId.class);
        for (YamlEntry e : map.entries()) {
            RuleId id = RuleId.find(e.key().value())
                    .orElseThrow(() -> at.error(e.key(), "unknown rule (expected a rule id such as MAML012, or its alias)"));
            rules.put(id, setting(e.value(), inherited.getOrDefault(id, RuleSetting.DEFAULT), at));
        }
        return rules;
    }

    private static RuleSetting setting(YamlNode value, RuleSetting inherited, Located at) throws LintConfigException {
        if (value instanceof YamlScalar s) {
            return word(s, at).applyTo(inherited);
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
            if (severity != null && !(severity instanceof YamlScalar)) {
                throw at.error(severity, "severity must be one word (" + SeverityWord.EXPECTED + ")");
            }
            SeverityWord word = severity == null ? SeverityWord.parse("on").orElseThrow() : word((YamlScalar) severity, at);
            return word.applyTo(new RuleSetting(inherited.enabled(), inherited.severity(), options));
        }
        throw at.error(value, "a rule setting is a severity word (" + SeverityWord.EXPECTED
                + "), or a mapping with severity and options");
    }

    /** The word's meaning; the message names where the bad word is, not the word (the file may be someone else's). */
    private static SeverityWord word(YamlScalar s, Located at) throws LintConfigException {
        return SeverityWord.parse(s.value()).orElseThrow(() -> at.error(s, "unknown severity (" + SeverityWord.EXPECTED + ")"));
    }

    private static List<IgnorePattern> ignores(YamlNode node, Path base, Located at) throws LintConfigException {
        List<YamlNode> items = node instanceof YamlSequence seq ? seq.items() : List.of(node);
        List<IgnorePattern> patterns = new ArrayList<>();
        for (YamlNode item : items) {
            String glob = at.string(item, "ignores must be a list of glob patterns");
            try {
                patterns.add(new IgnorePattern(base, glob));
            } catch (IllegalArgumentException e) {
                throw at.error(item, "invalid glob pattern");
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

    /** Error messages that point at a node: "file:line:column: message". */
    private record Located(Path file, LineIndex lines) {

        LintConfigException error(YamlNode node, String message) {
            return error(node == null ? 0 : node.range().start(), message);
        }

        LintConfigException error(int offset, String message) {
            return new LintConfigException(file + ":" + lines.displayLine(offset) + ":" + lines.displayColumn(offset) + ": " + message);
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
