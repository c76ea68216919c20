package dev.maml.lsp.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.diagnostics.Linter;
import dev.maml.toolchain.LintOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: through {@code initializationOptions.config} a client made the server read a file it
 * could not read itself, and the file's content came back in the config-error diagnostic. The
 * language server reads its config with the same rules as {@code maml lint --config}: the error
 * says where the problem is, never what the file holds.
 */
class LspConfigAttackTest {

    @TempDir
    Path dir;

    @Test
    void aConfigErrorDoesNotEchoTheFileTheClientNamed() throws Exception {
        Path victim = Files.writeString(dir.resolve("private.yaml"), "s3cr3t-Hunter2: x\nrules: *token-0xDEADBEEF\n");
        ServerSettings settings = new ServerSettings(victim.toString(), Map.of(), null, null, List.of(), null, 0);
        LintOutcome outcome = new Linter(settings, dir).lint(new LspDocument(dir.resolve("d.maml.md").toUri().toString(), 1, "# x\n"));
        assertNotNull(outcome.configError());
        assertTrue(outcome.configError().startsWith(victim + ":2:8: "), outcome.configError());
        assertFalse(outcome.configError().contains("DEADBEEF"), outcome.configError());
        Files.writeString(victim, "s3cr3t-Hunter2: x\n");
        outcome = new Linter(settings, dir).lint(new LspDocument(dir.resolve("d.maml.md").toUri().toString(), 1, "# x\n"));
        assertTrue(outcome.configError().startsWith(victim + ":1:1: "), outcome.configError());
        assertFalse(outcome.configError().contains("s3cr3t"), outcome.configError());
    }

    @Test
    void aDeviceNamedAsTheConfigIsRefusedUnread() {
        ServerSettings settings = new ServerSettings("/dev/zero", Map.of(), null, null, List.of(), null, 0);
        LintOutcome outcome = new Linter(settings, dir).lint(new LspDocument(dir.resolve("d.maml.md").toUri().toString(), 1, "# x\n"));
        assertTrue(outcome.configError().endsWith(": not a regular file"), outcome.configError());
    }
}
