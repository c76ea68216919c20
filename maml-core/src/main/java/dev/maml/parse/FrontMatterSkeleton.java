package dev.maml.parse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The front matter inserted by the fix for a document that has none (MAML001): every required key,
 * a fresh id and the current time, and identities the author must fill in.
 */
final class FrontMatterSkeleton {

    private FrontMatterSkeleton() {
    }

    static String text(String lineBreak) {
        return String.join(lineBreak,
                "---",
                "maml_version: \"2.0.0\"",
                "id: \"urn:uuid:" + UUID.randomUUID() + "\"",
                "type: workflow",
                "origin: \"agent://CHANGE-ME\"",
                "permissions:",
                "  read: [\"agent://*\"]",
                "  write: []",
                "  execute: []",
                "created_at: " + Instant.now().truncatedTo(ChronoUnit.SECONDS),
                "---",
                "");
    }
}
