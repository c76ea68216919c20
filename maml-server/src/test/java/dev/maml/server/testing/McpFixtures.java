package dev.maml.server.testing;

import dev.maml.report.Json;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import tools.jackson.databind.node.ObjectNode;

/** Documents the MCP tests work on: a quantum workflow (QKD only, runs in well under a second). */
public final class McpFixtures {

    private McpFixtures() {
    }

    /** A quantum workflow that {@code execute} admits to: QKD with an {@code eavesdropper} input. */
    public static String qkdWorkflow(String execute) {
        return """
                ---
                maml_version: "2.0.0"
                id: "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
                type: "quantum_workflow"
                origin: "agent://tests"
                permissions:
                  read: ["agent://*"]
                  write: ["agent://tests"]
                  execute: [%s]
                created_at: 2026-11-29T12:00:00Z
                ---
                ## Intent
                Exchange a QKD key.

                ## Context
                purpose: tests

                ## Input_Schema
                {
                  "type": "object",
                  "properties": {
                    "eavesdropper": { "type": "number", "default": 0 }
                  }
                }
                """.formatted(execute);
    }

    /** The workflow any agent may run, written to {@code dir/name}. */
    public static Path writeQkdWorkflow(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), qkdWorkflow("\"agent://*\""));
    }

    /** A fresh ML-DSA-65 key pair, dir/k.key and dir/k.pub; returns the private key's path. */
    public static Path keyPair(Path dir) throws IOException {
        return KeyFiles.write(MlDsa.generate(Algorithm.DEFAULT, new SecureRandom()), dir.resolve("k").toString())[1];
    }

    /** Tool arguments {@code {"document": text}}. */
    public static ObjectNode document(String text) {
        return Json.object().put("document", text);
    }
}
