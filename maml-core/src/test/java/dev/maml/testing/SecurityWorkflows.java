package dev.maml.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An unsigned security workflow any agent may run, for tests of the run pipeline: what varies is its Context. */
public final class SecurityWorkflows {

    private SecurityWorkflows() {
    }

    /** Writes the workflow to {@code file}, its Intent {@code intent}, its Context {@code context} (lines); returns the file. */
    public static Path write(Path file, String intent, String context) throws IOException {
        return Files.writeString(file, """
                ---
                maml_version: "2.0.0"
                id: "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
                type: "security_workflow"
                origin: "agent://tests"
                permissions:
                  read: ["agent://*"]
                  write: ["agent://tests"]
                  execute: ["agent://*"]
                created_at: 2026-11-29T12:00:00Z
                ---
                ## Intent
                """ + intent + "\n\n## Context\n" + context + "\n");
    }
}
