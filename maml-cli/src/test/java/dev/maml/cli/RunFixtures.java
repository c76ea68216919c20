package dev.maml.cli;

import dev.maml.report.Json;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Documents for the run tests: a copy of the committed demo, and small unsigned workflows. */
final class RunFixtures {

    /** The committed files of examples/demo (what a fresh clone has; nothing a run wrote). */
    static final List<String> DEMO_FILES = List.of("drone_communication.maml.md", "drone_communication_data.csv",
            "keys/demo-only-drone-security.pub", ".maml/trusted_keys/demo-only-drone-security.pub");

    private RunFixtures() {
    }

    static Path demo() {
        return TestData.repositoryRoot().resolve("examples/demo");
    }

    /** Copies the demo's committed files into {@code dir}, as a fresh clone has them; returns the document there. */
    static Path copyFreshDemo(Path dir) throws IOException {
        for (String name : DEMO_FILES) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(demo().resolve(name), target);
        }
        return dir.resolve("drone_communication.maml.md");
    }

    /**
     * Copies the demo into {@code dir} and allows its project trust store with {@code maml trust allow}, as its
     * README says (in the tests' own XDG_CONFIG_HOME, see the pom); returns the document there.
     */
    static Path copyDemo(Path dir) throws IOException {
        Path doc = copyFreshDemo(dir);
        CliRun allow = CliRun.of("trust", "allow", dir.toString());
        if (allow.exitCode() != 0) {
            throw new IllegalStateException("maml trust allow " + dir + ": " + allow.err());
        }
        return doc;
    }

    /** A lint-clean, unsigned document of {@code type} that agent://local may run. */
    static String document(String type, String sections) {
        return "---\n"
                + "maml_version: \"2.0.0\"\n"
                + "id: \"urn:uuid:" + UUID.nameUUIDFromBytes(sections.getBytes()) + "\"\n"
                + "type: \"" + type + "\"\n"
                + "origin: \"agent://tests\"\n"
                + "permissions:\n"
                + "  read: [\"agent://local\"]\n"
                + "  write: [\"agent://local\"]\n"
                + "  execute: [\"agent://local\"]\n"
                + "created_at: 2026-11-29T12:00:00Z\n"
                + "---\n"
                + "## Intent\n"
                + "A document for the run tests.\n\n"
                + "## Context\n"
                + "purpose: tests\n\n"
                + sections;
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static JsonNode json(CliRun run) {
        return Json.MAPPER.readTree(run.out());
    }
}
