package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.testing.Invariants;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every document of the real-world corpus parses, and the tree obeys the structural invariants. */
class CorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusFileParses() {
        List<Path> files = TestData.corpusFiles();
        assertTrue(files.size() > 300, "corpus incomplete: " + files.size() + " files");
        return files.stream().map(file -> DynamicTest.dynamicTest(TestData.corpus().relativize(file).toString(), () -> {
            MamlDocument doc = DocumentParser.read(file);
            Invariants.check(doc);
        }));
    }

    @Test
    void standaloneDocumentsHaveFrontMatterAndAnIntent() throws IOException {
        for (Path file : TestData.corpusFiles()) {
            String name = file.getFileName().toString();
            if (name.startsWith("CHIMERA__AEGIS") && name.endsWith(".maml.md")) {
                MamlDocument doc = DocumentParser.read(file);
                assertFalse(doc.frontMatter() == null, name);
                assertTrue(doc.section("Intent").isPresent(), name);
            }
        }
    }
}
