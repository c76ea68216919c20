package dev.maml.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.model.CodeBlock;
import dev.maml.model.Heading;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlSequence;
import java.util.IdentityHashMap;
import java.util.Map;

/** Structural facts every parse must satisfy, whatever the input. */
public final class Invariants {

    private Invariants() {
    }

    public static void check(MamlDocument doc) {
        String text = doc.text();
        int n = text.length();
        for (Diagnostic d : doc.diagnostics()) {
            inside(d.range(), n, "diagnostic " + d);
            assertFalse(d.message().contains("parser defect"), "ANTLR reported an error: " + d.message());
        }
        int previousEnd = doc.preamble().range().end();
        inside(doc.preamble().range(), n, "preamble");
        for (Section s : doc.sections()) {
            inside(s.range(), n, "section " + s.name());
            assertEquals(previousEnd, s.range().start(), "sections must tile the body: " + s.name());
            assertTrue(s.range().encloses(s.heading()) && s.range().encloses(s.body()), "section parts: " + s.name());
            assertTrue(text.substring(s.heading().start(), s.heading().end()).stripLeading().startsWith("##"),
                    "a section starts with its ## line: " + s.name());
            previousEnd = s.range().end();
        }
        if (!doc.sections().isEmpty()) {
            assertEquals(n, previousEnd, "the last section runs to the end");
        }
        for (CodeBlock b : doc.codeBlocks()) {
            inside(b.range(), n, "code block");
            assertTrue(b.range().encloses(b.content()), "code content inside its block");
            for (Section s : doc.sections()) {
                assertFalse(b.content().start() <= s.heading().start() && s.heading().start() < b.content().end(),
                        "section heading '" + s.name() + "' inside a code block");
            }
            if (b.section() != null) {
                assertTrue(doc.sections().stream().anyMatch(s -> s.name().equals(b.section()) && s.range().encloses(b.range())),
                        "code block lies in its section");
            }
        }
        for (Heading h : doc.headings()) {
            inside(h.range(), n, "heading");
            assertTrue(h.range().encloses(h.textRange()), "heading text inside heading");
            assertTrue(h.level() >= 1 && h.level() <= 6, "heading level");
        }
        doc.context().forEach(c -> inside(c.range(), n, "context entry"));
        doc.history().forEach(h -> inside(h.range(), n, "history entry"));
        doc.schemas().forEach(s -> inside(s.range(), n, "schema"));
        if (doc.frontMatter() != null) {
            inside(doc.frontMatter().range(), n, "front matter");
            assertTrue(doc.frontMatter().range().encloses(doc.frontMatter().content()), "front matter content");
            if (doc.frontMatter().root() != null) {
                yaml(doc.frontMatter().root(), doc, new IdentityHashMap<>());
            }
        }
    }

    private static void yaml(YamlNode node, MamlDocument doc, Map<YamlNode, Boolean> seen) {
        if (seen.put(node, true) != null) {
            return;
        }
        inside(node.range(), doc.text().length(), "yaml node");
        if (node instanceof YamlMapping m) {
            for (YamlEntry e : m.entries()) {
                inside(e.key().range(), doc.text().length(), "yaml key");
                yaml(e.value(), doc, seen);
            }
        } else if (node instanceof YamlSequence s) {
            s.items().forEach(i -> yaml(i, doc, seen));
        }
    }

    private static void inside(Range r, int length, String what) {
        assertTrue(r.start() >= 0 && r.end() <= length, what + " range " + r + " outside text of length " + length);
    }
}
