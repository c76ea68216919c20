package dev.maml.lint;

import dev.maml.diagnostic.RuleId;
import dev.maml.model.FileKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The rules of every {@link RuleProvider} on the class path, by file kind. Loaded once: providers
 * are looked up on first use only, so a run that never lints pays nothing.
 */
public final class RuleProviders {

    private final Map<FileKind, List<Rule>> byKind;

    private RuleProviders(Map<FileKind, List<Rule>> byKind) {
        this.byKind = byKind;
    }

    /** The providers that maml-core's class loader sees (its own built-in catalogue included). */
    public static RuleProviders installed() {
        return Installed.PROVIDERS;
    }

    /**
     * The providers {@code loader} sees, in the order its services files list them.
     *
     * @throws IllegalStateException when a provider cannot be loaded or two rules claim one id: a
     *                               finding could not be attributed to one rule
     */
    public static RuleProviders load(ClassLoader loader) {
        Map<FileKind, List<Rule>> byKind = new EnumMap<>(FileKind.class);
        Map<FileKind, Map<RuleId, Rule>> owners = new EnumMap<>(FileKind.class);
        try {
            for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, loader)) {
                for (FileKind kind : provider.kinds()) {
                    for (Rule rule : provider.rules()) {
                        claim(owners.computeIfAbsent(kind, k -> new EnumMap<>(RuleId.class)), rule, kind);
                        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(rule);
                    }
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a lint rule provider could not be loaded: " + e.getMessage(), e);
        }
        byKind.replaceAll((kind, rules) -> List.copyOf(rules));
        return new RuleProviders(byKind);
    }

    private static void claim(Map<RuleId, Rule> owners, Rule rule, FileKind kind) {
        for (RuleId id : rule.ids()) {
            Rule other = owners.putIfAbsent(id, rule);
            if (other != null) {
                throw new IllegalStateException(id.id() + " is claimed by two rules for " + kind + " files: "
                        + other.getClass().getName() + " and " + rule.getClass().getName());
            }
        }
    }

    /** The rules for files of {@code kind}, provider by provider. */
    public List<Rule> rules(FileKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    private static final class Installed {
        static final RuleProviders PROVIDERS = load(RuleProvider.class.getClassLoader());
    }
}
