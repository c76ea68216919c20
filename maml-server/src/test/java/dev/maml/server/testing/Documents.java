package dev.maml.server.testing;

import java.util.UUID;

/** Small lint-clean documents for server tests. */
public final class Documents {

    private Documents() {
    }

    /** An unsigned document of {@code type} that {@code executor} may run, with {@code sections} after Intent. */
    public static String of(String type, String executor, String sections) {
        return "---\n"
                + "maml_version: \"2.0.0\"\n"
                + "id: \"urn:uuid:" + UUID.nameUUIDFromBytes((type + sections).getBytes()) + "\"\n"
                + "type: \"" + type + "\"\n"
                + "origin: \"agent://tests\"\n"
                + "permissions:\n"
                + "  read: [\"" + executor + "\"]\n"
                + "  write: [\"" + executor + "\"]\n"
                + "  execute: [\"" + executor + "\"]\n"
                + "created_at: 2026-11-29T12:00:00Z\n"
                + "---\n"
                + "## Intent\n"
                + "A document for the server tests.\n\n"
                + sections;
    }

    /** A quantum workflow (QKD only, fast) agent://local may run. */
    public static String quantum() {
        return of("quantum_workflow", "agent://local", "## Context\nqkd_bits: 128\n");
    }
}
