package dev.maml.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline through its transport-free API, on real files. */
class PipelineTest {

    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    private Path workflow(String blocks) throws Exception {
        return Files.writeString(dir.resolve("w.maml.md"), """
                ---
                maml_version: "2.0.0"
                id: "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
                type: "workflow"
                origin: "agent://tests"
                permissions:
                  read: ["agent://*"]
                  write: ["agent://tests"]
                  execute: ["agent://*"]
                created_at: 2026-11-29T12:00:00Z
                ---
                ## Intent
                Pipeline tests.

                ## Context
                purpose: tests

                """ + blocks);
    }

    /** Attack: a config planted next to the document ignores it, hoping the lint gate skips it. */
    @Test
    void aConfigThatIgnoresTheDocumentDoesNotSwitchTheLintGateOff() throws Exception {
        Path doc = workflow("");
        Files.writeString(doc, Files.readString(doc).replace("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", "not-a-uuid"));
        Files.writeString(dir.resolve(".maml-lint.yaml"), "ignores: [\"*.maml.md\"]\n");
        RunResult result = new Pipeline(CLOCK, () -> Sandbox.detect(dir.resolve("no-such-bwrap"))).run(RunRequest.of(doc));
        assertEquals(RunFailure.INVALID, result.exitCode(), result.message());
        assertEquals("lint", result.failedStep());
        assertTrue(result.message().contains("MAML012"), result.message());
    }

    @Test
    void withoutASandboxCodeBlocksAreRefusedWithTheInstallHintAndNothingRuns() throws Exception {
        Path doc = workflow("## Code_Blocks\n```sh\necho '{\"ran\": true}'\n```\n");
        Pipeline pipeline = new Pipeline(CLOCK, () -> Sandbox.detect(dir.resolve("no-such-bwrap")));
        RunResult result = pipeline.run(RunRequest.of(doc));
        assertEquals(RunFailure.REFUSED, result.exitCode());
        assertEquals("sandbox", result.failedStep());
        assertTrue(result.message().contains("apt-get install bubblewrap"), result.message());
        assertFalse(result.result().has("ran"));
        assertTrue(result.receipt() == null && !Files.exists(dir.resolve("w.mu")), "no receipt for a refused run");
    }

    @Test
    void aWildcardAdmitsAnyAgentButNoGatewayAndBlocksOfOtherLanguagesNeedNoSandbox() throws Exception {
        Path doc = workflow("## Code_Blocks\n```Python\nprint('documentation: not a runtime language')\n```\n");
        Pipeline pipeline = new Pipeline(CLOCK, () -> {
            throw new AssertionError("no runnable block, so no sandbox is looked for");
        });
        RunResult ok = pipeline.run(RunRequest.builder(doc)
                .identity(Identity.parse("agent://anyone").orElseThrow()).seed(1).build());
        assertEquals(0, ok.exitCode(), ok.message());
        assertEquals(0, ok.result().get("code_blocks").size());
        assertEquals(dir.resolve("w.mu"), ok.receipt());
        RunResult gateway = pipeline.run(RunRequest.builder(doc)
                .identity(Identity.parse("gateway://anyone").orElseThrow()).build());
        assertEquals(RunFailure.REFUSED, gateway.exitCode());
        assertEquals("permissions", gateway.failedStep());
    }
}
