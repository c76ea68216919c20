package dev.maml.server.testing;

import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The committed demo (examples/demo) copied into a test's --root, as a fresh clone has it. */
public final class Demo {

    /** The document, relative to the root it is copied into. */
    public static final String DOCUMENT = "drone_communication.maml.md";
    /** Its public key (the demo key; the private half is not committed). */
    public static final String PUBLIC_KEY = "keys/demo-only-drone-security.pub";

    private static final List<String> FILES = List.of(DOCUMENT, "drone_communication_data.csv", PUBLIC_KEY,
            ".maml/trusted_keys/demo-only-drone-security.pub");

    private Demo() {
    }

    public static Path source() {
        return TestData.repositoryRoot().resolve("examples/demo");
    }

    /** Copies the demo's committed files into {@code root}; returns {@code root}. */
    public static Path copyInto(Path root) throws IOException {
        for (String name : FILES) {
            Path target = root.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source().resolve(name), target);
        }
        return root;
    }

    public static byte[] document() throws IOException {
        return Files.readAllBytes(source().resolve(DOCUMENT));
    }
}
