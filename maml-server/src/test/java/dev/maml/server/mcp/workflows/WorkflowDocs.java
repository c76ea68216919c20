package dev.maml.server.mcp.workflows;

import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import dev.maml.toolchain.Identity;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * Workflow documents for the tests, signed as `maml sign` signs ({@link Toolchain#sign}) with keys
 * made here: {@code trusted} is the server's {@code --trust} key, {@code stranger} is trusted by
 * nobody. Keys live outside the workflows directory, so signing embeds the public key as base64.
 */
final class WorkflowDocs {

    final Path workflows;
    final Path receipts;
    final Path[] trusted;
    final Path[] stranger;

    WorkflowDocs(Path root) throws Exception {
        this.workflows = Files.createDirectories(root.resolve("workflows"));
        this.receipts = root.resolve("receipts");
        Path keys = Files.createDirectories(root.resolve("keys"));
        SecureRandom random = new SecureRandom();
        this.trusted = KeyFiles.write(MlDsa.generate(Algorithm.ML_DSA_44, random), keys.resolve("trusted").toString());
        this.stranger = KeyFiles.write(MlDsa.generate(Algorithm.ML_DSA_44, random), keys.resolve("stranger").toString());
    }

    /** The server's session: only the trusted key, no project stores. */
    Session session() {
        return Session.builder().trust(new TrustSettings(List.of(trusted[0]), false)).build();
    }

    /** A BB84 security workflow that {@code execute} and {@code read} name. */
    static String document(String intent, String execute, String read) {
        return """
                ---
                maml_version: "2.0.0"
                id: "urn:uuid:%s"
                type: "security_workflow"
                origin: "agent://tests"
                permissions:
                  read: [%s]
                  write: ["agent://tests"]
                  execute: [%s]
                created_at: 2026-12-05T12:00:00Z
                ---
                ## Intent
                %s

                ## Context
                purpose: tests

                ## Input_Schema
                ```json
                {
                  "type": "object",
                  "properties": {
                    "qkd_bits": {"type": "integer", "minimum": 64, "default": 128},
                    "eavesdropper": {"type": "number", "minimum": 0, "maximum": 1}
                  },
                  "required": ["qkd_bits"]
                }
                ```

                ## Output_Schema
                ```json
                {
                  "type": "object",
                  "properties": {
                    "qkd_key": {"type": "array", "items": {"type": "integer"}},
                    "is_valid": {"type": "boolean"}
                  },
                  "required": ["qkd_key", "is_valid"]
                }
                ```
                """.formatted(UUID.randomUUID(), read, execute, intent);
    }

    /** The usual document: local may run and read it. */
    static String document(String intent) {
        return document(intent, "\"agent://local\", \"agent://runner\"", "\"agent://local\"");
    }

    /** Writes {@code text} as {@code name} in the workflows directory, unsigned. */
    Path write(String name, String text) throws Exception {
        return Files.writeString(workflows.resolve(name), text);
    }

    /**
     * Writes and signs with {@code key} ({@link #trusted} or {@link #stranger}) as `maml sign` would
     * on a draft that is no document by its name, then renames it into place: the directory never
     * holds the unsigned state, which a watching server could otherwise see and report.
     */
    Path signed(String name, String text, Path[] key) throws Exception {
        Path draft = Files.writeString(workflows.resolve(name + ".draft"), text);
        Session signer = Session.builder().identity(new Identity(key[1], key[0], true)).build();
        Files.writeString(draft, new Toolchain().sign(signer.read(draft), signer).text());
        return Files.move(draft, workflows.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
