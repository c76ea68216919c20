package dev.maml.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Locates the repository's testdata/ (copies of the shared corpus and test vectors). */
public final class TestData {

    private TestData() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata/corpus"))) {
                return p.resolve("testdata");
            }
        }
        throw new IllegalStateException("testdata/ not found above " + dir);
    }

    public static Path repositoryRoot() {
        return root().getParent();
    }

    public static Path corpus() {
        return root().resolve("corpus/webxos");
    }

    /** Every document of the corpus: standalone, embedded, dialects and .mu receipts. */
    public static List<Path> corpusFiles() {
        try (Stream<Path> files = Files.walk(corpus())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".mu"))
                    .filter(p -> !p.getFileName().toString().equals("NOTICE.md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The corpus's documents, then every .md and .mu under examples/, testdata/ and maml-core's test
     * resources (the corpus's again among them, once): what the oracle properties read alike.
     */
    public static Set<Path> allDocuments() {
        Set<Path> files = new LinkedHashSet<>();
        corpusFiles().forEach(p -> files.add(p.normalize()));
        for (String dir : List.of("examples", "testdata", "maml-core/src/test/resources")) {
            try (Stream<Path> walk = Files.walk(repositoryRoot().resolve(dir))) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".mu"))
                        .map(Path::normalize).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    public static Path example() {
        return repositoryRoot().resolve("examples/drone_communication.maml.md");
    }
}
