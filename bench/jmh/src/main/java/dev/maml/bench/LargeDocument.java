package dev.maml.bench;

import java.time.Instant;

/** A valid MAML document of a given size whose body is large in every part the body rules read. */
final class LargeDocument {

    private LargeDocument() {
    }

    /**
     * About {@code targetChars} characters: a third each of Content prose, Code_Blocks fences and
     * History entries, plus an Input_Schema with {@code schemaProperties} properties (about 40
     * characters each).
     */
    static String text(int targetChars, int schemaProperties) {
        int part = Math.max(0, targetChars - 40 * schemaProperties) / 3;
        StringBuilder s = new StringBuilder(targetChars + 4096);
        s.append("---\nmaml_version: \"2.0.0\"\nid: \"urn:uuid:0b7a3c9e-4f1d-4c2a-9e8b-5d6f7a8b9c0d\"\n")
                .append("type: \"workflow\"\norigin: \"agent://bench\"\n")
                .append("permissions:\n  read: [\"agent://*\"]\n  write: [\"agent://bench\"]\n  execute: [\"agent://local\"]\n")
                .append("created_at: 2026-01-31T12:00:00Z\n---\n## Intent\nBenchmark the body rules.\n\n")
                .append("## Context\nregion: eu-west\n\n## Content\n");
        for (int i = 0; s.length() < part; i++) {
            s.append("Line ").append(i).append(" of the content, with some words to read past.\n");
        }
        s.append("\n## Code_Blocks\n");
        for (int i = 0; s.length() < 2 * part; i++) {
            s.append("```python\nprint(").append(i).append(")\n```\n\n");
        }
        s.append("## Input_Schema\n{\"type\": \"object\", \"properties\": {");
        for (int i = 0; i < schemaProperties; i++) {
            s.append(i == 0 ? "" : ", ").append("\"p").append(i).append("\": {\"type\": \"integer\", \"minimum\": 0}");
        }
        s.append("}}\n\n## History\n");
        Instant start = Instant.parse("2026-01-31T00:00:00Z");
        for (int i = 0; s.length() < targetChars; i++) {
            s.append("- ").append(start.plusSeconds(i)).append(": [UPDATE] Entry ").append(i).append(".\n");
        }
        return s.toString();
    }
}
