package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.FileKind;
import dev.maml.parse.DocumentParser;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleProvidersTest {

    /** Registered through a services file in a test class loader only, so other tests never see it. */
    public static final class ThrowingProvider implements RuleProvider {
        @Override
        public List<Rule> rules() {
            return List.of(new Rule() {
                @Override
                public List<RuleId> ids() {
                    return List.of(RuleId.MU006); // no document rule has it
                }

                @Override
                public void check(LintContext context) {
                    throw new IllegalStateException("plugged in and broken");
                }
            });
        }
    }

    /** Claims MAML030, which the built-in RequiredSections owns. */
    public static final class ClashingProvider implements RuleProvider {
        @Override
        public List<Rule> rules() {
            return List.of(new Rule() {
                @Override
                public List<RuleId> ids() {
                    return List.of(RuleId.MAML030);
                }

                @Override
                public void check(LintContext context) {
                    // never runs: loading refuses the provider
                }
            });
        }
    }

    private static ClassLoader withServices(Path dir, Class<?> provider) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(RuleProvider.class.getName()), provider.getName() + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, RuleProvidersTest.class.getClassLoader());
    }

    private static Set<RuleId> ids(List<Rule> rules) {
        return rules.stream().flatMap(r -> r.ids().stream()).collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleId.class)));
    }

    @Test
    void theStandardEngineHasTheWholeDocumentCatalogueSignatureRulesIncluded() {
        Set<RuleId> ids = ids(LintEngine.standard().rules());
        Set<RuleId> expected = EnumSet.range(RuleId.MAML010, RuleId.MAML073);
        expected.removeAll(EnumSet.of(RuleId.MAML040)); // the parser's: an unclosed fence is found while parsing
        assertEquals(expected, ids);
    }

    @Test
    void receiptsGetTheReceiptRulesOnly() {
        assertEquals(EnumSet.range(RuleId.MU001, RuleId.MU006), ids(RuleProviders.installed().rules(FileKind.RECEIPT)));
    }

    @Test
    void aProviderRegisteredInAServicesFileJoinsTheCatalogueAndItsFailureIsAFinding(@TempDir Path dir) throws IOException {
        RuleProviders providers = RuleProviders.load(withServices(dir, ThrowingProvider.class));
        List<Rule> rules = providers.rules(FileKind.DOCUMENT);
        assertEquals(LintEngine.standard().rules().size() + 1, rules.size());
        List<Diagnostic> found = new LintEngine(rules).lint(DocumentParser.parse("## Intent\nx\n"), LintSettings.DEFAULTS)
                .diagnostics();
        assertTrue(found.stream().anyMatch(d -> d.rule() == RuleId.MU006 && d.message().contains("plugged in and broken")),
                found.toString());
        assertTrue(found.stream().anyMatch(d -> d.rule() == RuleId.MAML030), "the built-in rules still ran: " + found);
    }

    @Test
    void twoRulesClaimingOneIdAreRefusedAtLoading(@TempDir Path dir) throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RuleProviders.load(withServices(dir, ClashingProvider.class)));
        assertTrue(e.getMessage().contains("MAML030"), e.getMessage());
    }
}
