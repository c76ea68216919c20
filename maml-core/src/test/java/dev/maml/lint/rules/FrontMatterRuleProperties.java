package dev.maml.lint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.schema.FrontMatterSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Front matters built from the known keys (and a few others) with values of every YAML shape: the
 * rules never throw, report one-line messages inside the front matter, and their fixes together never overlap and
 * always leave YAML that reads as a mapping.
 */
class FrontMatterRuleProperties {

    private static final Set<RuleId> OURS = FrontMatterRules.all().stream().flatMap(r -> r.ids().stream())
            .collect(Collectors.toSet());
    private static final LintEngine ENGINE = FixedFixturesTest.engine();

    private static final List<String> VALUES = List.of("", " \"2.0.0\"", " 2.0.0", " 2.0", " 1.0.0", " '0.1.0'", " 3",
            " true", " ~", " -1.5e3", " .inf", " 0x1F", " drone-001", " \"urn:uuid:3b241101-e2bb-4255-8caf-4136c566a962\"",
            " URN:UUID:3B241101-E2BB-4255-8CAF-4136C566A962", " agent://a", " \"gateway://*\"", " public",
            " 2025-10-24", " 2025-10-24T12:40:00", " 2026-11-25T12:00:00+02:00", " 2048-AES", " [a, \"agent://b\", 3]",
            " {read: [agent://*], execute: admin, x: 1}", " {method: ml-dsa-65, key_id: 12}", " |\n  block\n  text",
            " >-\n  folded", " |\n  2.0.0", " \"line\\nbreak\"", " # only a comment", " *anchor", "\n  read: [\"agent://*\"]\n  execute:\n    - gateway://local\n    - {a: b}",
            "\n  - x\n  - y", " &anchor \"a value\"", " \"é ü 😀\"", " 'it''s'", " \"tab\\there\"");

    @Provide
    Arbitrary<String> frontMatter() {
        List<String> keys = new ArrayList<>(FrontMatterSchema.knownKeys());
        keys.addAll(List.of("maml_verison", "Type", "author", "\"quoted key\"", "sdk"));
        Arbitrary<String> entry = Combinators.combine(Arbitraries.of(keys), Arbitraries.of(VALUES))
                .as((k, v) -> k + ":" + v + "\n");
        Arbitrary<String> indent = Arbitraries.of("", "", "  ");
        return Combinators.combine(entry.list().ofMaxSize(14), indent, Arbitraries.of("\n", "\r\n"))
                .as((entries, ind, nl) -> ("---\n" + entries.stream().map(e -> ind + e.replace("\n  ", "\n" + ind + "  "))
                        .collect(Collectors.joining()) + "---\n## Intent\nx\n").replace("\n", nl));
    }

    @Property(tries = 2000)
    void rulesNeverThrowAndTheirFixesKeepTheYamlReadable(@ForAll("frontMatter") String text) {
        MamlDocument doc = DocumentParser.parse(text);
        List<Diagnostic> ours = ENGINE.lint(doc, LintSettings.DEFAULTS).diagnostics().stream()
                .filter(d -> OURS.contains(d.rule())).toList();
        for (Diagnostic d : ours) {
            assertTrue(doc.frontMatter().range().encloses(d.range()), d + "\n" + text);
            assertTrue(!d.message().contains("\n") && !d.message().contains("\r"), d.message());
        }
        if (doc.frontMatter().mapping().isPresent() && ours.stream().anyMatch(d -> d.fix() != null)) {
            String fixed = TestFixes.apply(text, ours);
            assertTrue(DocumentParser.parse(fixed).frontMatter().mapping().isPresent(), "fixes broke the YAML:\n" + text
                    + "\n=>\n" + fixed);
        }
    }
}
