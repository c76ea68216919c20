package dev.maml.parse;

import dev.maml.model.MamlDocument;
import dev.maml.testing.Invariants;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the input, the parser returns a tree that satisfies the invariants and never throws. */
class ParserProperties {

    private static final List<String> FRAGMENTS = List.of("---", "--- ", "\n", "\r\n", "\r", "```", "````", "~~~",
            "```python", "## ", "## Intent", "## History", "## Context", "## Input_Schema", "# ", "### ", "    ",
            "- 2025-10-24T12:40:00Z: [CREATE] x", "- ", "key: value", "id: &a [1]", "x: *a", "\uFEFF", "\u0000",
            "\uD83D\uDE00", "\uD83D", "\uDE00", "{", "}", "\"", "'", ":", "#", "\t", "é", "e\u0301", "\\");

    @Property(tries = 300)
    void randomBytes(@ForAll @Size(max = 2000) byte[] bytes) {
        Invariants.check(DocumentParser.parse(bytes));
    }

    @Property(tries = 500)
    void randomStructuralText(@ForAll("structuralText") String text) {
        MamlDocument doc = DocumentParser.parse(text);
        Invariants.check(doc);
        Invariants.check(DocumentParser.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 300)
    void randomUnicode(@ForAll @Size(max = 500) String text) {
        Invariants.check(DocumentParser.parse(text));
    }

    @Property(tries = 400)
    void mutatedCorpusDocuments(@ForAll("corpusDocument") String document,
                                @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.constraints.IntRange(max = 1_000_000) Integer> positions,
                                @ForAll("mutation") List<String> insertions, @ForAll boolean deleteLine) {
        StringBuilder text = new StringBuilder(document);
        for (int i = 0; i < positions.size(); i++) {
            int at = text.isEmpty() ? 0 : positions.get(i) % (text.length() + 1);
            if (deleteLine && i == 0) {
                int end = text.indexOf("\n", at);
                text.delete(at, end < 0 ? text.length() : end + 1);
            } else {
                text.insert(at, insertions.isEmpty() ? "" : insertions.get(i % insertions.size()));
            }
        }
        Invariants.check(DocumentParser.parse(text.toString()));
    }

    @Provide
    Arbitrary<String> structuralText() {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().ofMaxLength(6));
        return fragment.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<String>> mutation() {
        return Arbitraries.of("---\n", "\n---\n", "```\n", "~~~~\n", "\n## Intent\n", "## ", "\r", "\r\n",
                "\n```python\n", "\n- 2025-01-01T00:00:00Z: [SIGN] x\n", "\uD83D\uDE00").list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> corpusDocument() {
        List<String> documents = TestData.corpusFiles().stream().map(ParserProperties::read).toList();
        return Arbitraries.of(documents);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
