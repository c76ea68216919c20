package dev.maml.lsp.diagnostics;

import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleSetting;
import dev.maml.lint.config.ConfigResolver;
import dev.maml.lint.config.LintConfig;
import dev.maml.lint.config.LintConfigException;
import dev.maml.lint.fix.Fixer;
import dev.maml.linting.Linting;
import dev.maml.lsp.LspDocument;
import dev.maml.lsp.ServerSettings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lints buffers exactly as `maml lint` lints files: the same {@code .maml-lint.yaml} (discovered
 * upward from the file, or the one fixed by the {@code config} setting, like {@code --config}),
 * the same ignores, the same engine per file kind ({@link Linting}). The editor's
 * {@code severities} are applied last, over the file's settings. An untitled buffer is configured
 * like `maml lint --stdin` without a name: from the server's working directory.
 */
public final class Linter {

    private final ServerSettings settings;
    private final ConfigResolver configs;
    private final Path workingDirectory;

    public Linter(ServerSettings settings, Path workingDirectory) {
        this.settings = settings;
        this.configs = settings.config() == null ? ConfigResolver.discovering()
                : ConfigResolver.fixed(workingDirectory.resolve(settings.config()));
        this.workingDirectory = workingDirectory;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** A path from the settings, relative to the server's working directory; null stays null. */
    public Path resolve(String path) {
        return path == null ? null : workingDirectory.resolve(path).normalize();
    }

    public LintOutcome lint(LspDocument doc) {
        try {
            Path name = name(doc);
            LintConfig config = configs.forDocument(name);
            if (doc.path() != null && config.ignores(name)) {
                return LintOutcome.ignoredFile();
            }
            return LintOutcome.linted(Linting.engine(doc.kind()).lint(doc.parsed(), lintSettings(config, doc)));
        } catch (LintConfigException e) {
            return LintOutcome.brokenConfig(e.getMessage());
        }
    }

    /** "Fix all": every fix of the engine, passes repeated as `maml lint --fix` does; null on a broken config. */
    public Fixer.FixOutcome fixAll(LspDocument doc) {
        try {
            return Linting.fix(doc.text(), doc.kind(), lintSettings(configs.forDocument(name(doc)), doc));
        } catch (LintConfigException e) {
            return null;
        }
    }

    private Path name(LspDocument doc) {
        return doc.path() != null ? doc.path() : workingDirectory.resolve("stdin");
    }

    private LintSettings lintSettings(LintConfig config, LspDocument doc) {
        LintSettings base = config.settingsFor(doc.path());
        if (settings.severities().isEmpty() && settings.trust().isEmpty() && settings.projectTrustStores()) {
            return base;
        }
        Map<RuleId, RuleSetting> rules = new EnumMap<>(RuleId.class);
        rules.putAll(base.rules());
        if (!settings.trust().isEmpty() || !settings.projectTrustStores()) {
            // The editor's trusted keys count for MAML072 as `maml verify --trust` would; an untrusted
            // workspace's project stores do not count at all, allowed or not.
            RuleSetting old = base.setting(RuleId.MAML072);
            Map<String, Object> options = new HashMap<>(old.options());
            options.put("trust", settings.trust().stream().map(t -> resolve(t).toString()).toList());
            options.put("projectStores", settings.projectTrustStores());
            rules.put(RuleId.MAML072, new RuleSetting(old.enabled(), old.severity(), options));
        }
        settings.severities().forEach((idOrAlias, level) -> RuleId.find(idOrAlias).ifPresent(id -> {
            RuleSetting old = base.setting(id);
            RuleSetting updated = override(old, level);
            if (updated != null) {
                rules.put(id, updated);
            }
        }));
        return new LintSettings(rules, doc.path());
    }

    /** The config file's words: off/false, on/true, or a severity; anything else is ignored. */
    private static RuleSetting override(RuleSetting old, String level) {
        String l = level.trim().toLowerCase(Locale.ROOT);
        if (l.equals("off") || l.equals("false")) {
            return new RuleSetting(false, old.severity(), old.options());
        }
        if (l.equals("on") || l.equals("true")) {
            return new RuleSetting(true, old.severity(), old.options());
        }
        try {
            return new RuleSetting(true, Severity.parse(l), old.options());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
