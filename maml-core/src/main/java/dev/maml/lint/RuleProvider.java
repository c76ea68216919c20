package dev.maml.lint;

import dev.maml.model.FileKind;
import java.util.List;
import java.util.Set;

/**
 * A contribution of rules to the one lint engine, found with {@link java.util.ServiceLoader} (as
 * lemminx finds its {@code IXMLExtension}s): list the implementing class in
 * {@code META-INF/services/dev.maml.lint.RuleProvider}. The built-in catalogue comes through here
 * too (maml-core's own services file), so the CLI, the language server, the tests and the
 * benchmarks all lint with the same rules. An implementation needs a public no-argument constructor.
 */
public interface RuleProvider {

    /** The kinds of file these rules are for (a `.mu` receipt is linted with the receipt rules only). */
    default Set<FileKind> kinds() {
        return Set.of(FileKind.DOCUMENT);
    }

    /** The rules, in the order they should run; each reports only under its own {@link Rule#ids()}. */
    List<Rule> rules();
}
