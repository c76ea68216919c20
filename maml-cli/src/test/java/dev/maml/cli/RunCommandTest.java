package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.sandbox.Detection;
import dev.maml.sandbox.Sandbox;
import dev.maml.sign.Digests;
import dev.maml.testing.RealParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `maml run` through the real command line on real files: the demo, refusals, failures, inputs, code blocks. */
class RunCommandTest {

    @TempDir
    Path dir;

    private static final String QUANTUM_WANTS_SIGNATURE = """
            ## Output_Schema
            ```json
            {"type": "object", "required": ["qkd_key", "signature"]}
            ```
            """;

    @Test
    void theDemoRunsWithAKeyAValidSignatureAndAReceiptThatVerifies() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        byte[] before = Files.readAllBytes(doc);
        CliRun run = CliRun.of("run", doc.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = RunFixtures.json(run);
        assertEquals("ok", result.get("status").asString());
        assertEquals("valid", result.get("document_signature").get("outcome").asString());
        JsonNode key = result.get("qkd_key");
        assertEquals(16, key.size());
        key.forEach(bit -> assertTrue(bit.asInt() == 0 || bit.asInt() == 1, key.toString()));
        assertTrue(result.get("is_valid").asBoolean());
        assertTrue(result.get("signing").get("ephemeral").asBoolean(), "no --key: an ephemeral key, said so");
        assertEquals(64, result.get("ciphertext_sha3_256").asString().length(), "the Context's dataset was sealed");
        assertEquals(Digests.sha3_256Hex(Files.readAllBytes(Path.of(result.get("heads").get("container").asString()))),
                result.get("ciphertext_sha3_256").asString(), "the digest is the container's");
        assertEquals(3, result.get("heads").get("threshold").asInt());
        Path receipt = Path.of(result.get("receipt").asString());
        assertTrue(Files.isRegularFile(receipt), receipt.toString());
        assertEquals(dir.resolve("drone_communication.mu"), receipt);
        assertTrue(run.err().contains("receipt " + receipt), run.err());
        assertArrayEquals(before, Files.readAllBytes(doc), "a plain run never writes the document");

        CliRun verify = CliRun.of("receipt", "verify", receipt.toString(), "--source", doc.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());

        CliRun second = CliRun.of("run", doc.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(dir.resolve("drone_communication.2.mu").toString(), RunFixtures.json(second).get("receipt").asString(),
                "receipts of the same document form a chain");
    }

    @Test
    void anEavesdropperIsDetectedAndTheRunFailsWithTheStatistics() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        CliRun run = CliRun.of("run", doc.toString(), "--set", "eavesdropper=1", "--set", "qkd_bits=1024");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode result = RunFixtures.json(run);
        assertEquals("failed", result.get("status").asString());
        assertEquals("qkd.bb84", result.get("failed_step").asString());
        double qber = result.get("qkd").get("qber").asDouble();
        // Eve on every qubit: expected QBER 0.25; about 128 sampled bits put 4 standard deviations at +-0.15.
        assertTrue(qber > 0.11 && qber < 0.40, "intercept-resend on every qubit gives QBER near 0.25, got " + qber);
        assertTrue(result.get("qkd").get("eve_detected").asBoolean());
        assertFalse(result.has("qkd_key") || result.has("receipt"), "no key and no receipt from an aborted run");
        assertTrue(run.err().contains("run failed at step qkd.bb84"), run.err());
    }

    @Test
    void anIdentityNotInPermissionsExecuteIsRefused() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        CliRun run = CliRun.of("run", doc.toString(), "--as", "agent://intruder");
        assertEquals(3, run.exitCode(), run.err());
        JsonNode result = RunFixtures.json(run);
        assertEquals("permissions", result.get("failed_step").asString());
        assertTrue(result.get("error").asString().startsWith("permission denied: agent://intruder"), result.toString());
        assertFalse(result.has("qkd"), "nothing ran");
        assertEquals(0, CliRun.of("run", doc.toString(), "--as", "agent://drone-security").exitCode());
    }

    @Test
    void aTamperedDocumentIsRefused() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        Files.writeString(doc, Files.readString(doc).replace("Secure drone communication", "Secure drone communications"));
        CliRun run = CliRun.of("run", doc.toString(), "--allow-untrusted");
        assertEquals(3, run.exitCode(), run.err());
        JsonNode result = RunFixtures.json(run);
        assertEquals("signature", result.get("failed_step").asString());
        assertEquals("invalid", result.get("document_signature").get("outcome").asString());
    }

    @Test
    void anUntrustedKeyIsRefusedUnlessAllowed() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        Files.delete(dir.resolve(".maml/trusted_keys/demo-only-drone-security.pub"));
        CliRun refused = CliRun.of("run", doc.toString());
        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("maml: warning: project trust store ") && refused.err().contains("changed since it"
                + " was allowed"), refused.err());
        assertEquals("valid-untrusted", RunFixtures.json(refused).get("document_signature").get("outcome").asString());
        assertEquals(0, CliRun.of("run", doc.toString(), "--allow-untrusted").exitCode());
        assertEquals(0, CliRun.of("run", doc.toString(), "--trust", dir.resolve("keys/demo-only-drone-security.pub")
                .toString()).exitCode());
    }

    @Test
    void aResultThatMissesOutputSchemaFailsWithTheSchemaErrors() throws Exception {
        Path doc = RunFixtures.write(dir, "q.maml.md", RunFixtures.document("quantum_workflow", QUANTUM_WANTS_SIGNATURE));
        CliRun run = CliRun.of("run", doc.toString());
        assertEquals(1, run.exitCode(), run.err());
        JsonNode result = RunFixtures.json(run);
        assertEquals("output_schema", result.get("failed_step").asString());
        assertEquals(16, result.get("qkd_key").size(), "QKD ran; only the result's shape is wrong");
        assertEquals("required", result.get("output_errors").get(0).get("keyword").asString());
        assertTrue(result.get("error").asString().contains("signature"), result.toString());
    }

    @Test
    void badInputsAreACommandLineError() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        CliRun notInteger = CliRun.of("run", doc.toString(), "--set", "qkd_bits=many");
        assertEquals(2, notInteger.exitCode(), notInteger.err());
        JsonNode result = RunFixtures.json(notInteger);
        assertEquals("inputs", result.get("failed_step").asString());
        assertEquals("/qkd_bits", result.get("input_errors").get(0).get("pointer").asString());

        CliRun outOfRange = CliRun.of("run", doc.toString(), "--set", "eavesdropper=2");
        assertEquals(2, outOfRange.exitCode(), outOfRange.err());
        assertTrue(RunFixtures.json(outOfRange).get("error").asString().contains("eavesdropper"));

        CliRun noEquals = CliRun.of("run", doc.toString(), "--set", "qkd_bits");
        assertEquals(2, noEquals.exitCode());
        assertEquals("", noEquals.out(), "the workflow did not start: no result JSON");
        assertTrue(noEquals.err().contains("--set takes key=value"), noEquals.err());

        CliRun missing = CliRun.of("run", doc.toString(), "--input", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());

        CliRun array = CliRun.withStdin("[1]".getBytes(StandardCharsets.UTF_8), "run", doc.toString(), "--input", "-");
        assertEquals(2, array.exitCode());
        assertTrue(array.err().contains("must be a JSON object"), array.err());

        CliRun badIdentity = CliRun.of("run", doc.toString(), "--as", "root");
        assertEquals(2, badIdentity.exitCode());
        assertFalse(notInteger.err().contains("Exception"), notInteger.err());
    }

    @Test
    void inputsFromStandardInputAndSetMergeInOrder() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        CliRun run = CliRun.withStdin("{\"qkd_bits\": 512, \"qkd_key_length\": 32}".getBytes(StandardCharsets.UTF_8),
                "run", doc.toString(), "--input", "-", "--set", "qkd_key_length=24", "--receipt-dir",
                dir.resolve("receipts").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = RunFixtures.json(run);
        assertEquals(512, result.get("qkd").get("raw").asInt());
        assertEquals(24, result.get("qkd_key").size(), "--set wins over --input, which wins over Context");
        assertTrue(result.get("receipt").asString().startsWith(dir.resolve("receipts").toString()));
    }

    @Test
    void aSeedMakesQkdAndTheRunIdRepeatButNotTheSignature() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        List<JsonNode> runs = new ArrayList<>();
        for (String seed : new String[] {"42", "42", "43"}) {
            CliRun run = CliRun.of("run", doc.toString(), "--seed", seed, "--set", "qkd_bits=4096",
                    "--set", "channel_noise=0.02");
            assertEquals(0, run.exitCode(), run.err());
            runs.add(RunFixtures.json(run));
        }
        for (String field : new String[] {"qkd_key", "qkd", "run_id"}) {
            assertEquals(runs.get(0).get(field), runs.get(1).get(field), field);
        }
        assertNotEquals(runs.get(0).get("run_id"), runs.get(2).get("run_id"));
        assertNotEquals(runs.get(0).get("signature"), runs.get(1).get("signature"),
                "keys and signatures always come from SecureRandom");
    }

    @Test
    void recordAppendsHistoryAndTheChangedDocumentMustBeSignedAgain() throws Exception {
        Path doc = RunFixtures.copyDemo(dir);
        CliRun run = CliRun.of("run", doc.toString(), "--record");
        assertEquals(0, run.exitCode(), run.err());
        String text = Files.readString(doc);
        String runId = RunFixtures.json(run).get("run_id").asString();
        assertTrue(text.contains(": [EXECUTE] run " + runId + " by agent://local, status ok\n"), text);
        assertTrue(text.contains(": [RECEIPT] drone_communication.mu\n"), text);
        assertTrue(text.indexOf("[SIGN]") < text.indexOf("[EXECUTE]") && text.indexOf("[EXECUTE]") < text.indexOf("[RECEIPT]"));
        CliRun again = CliRun.of("run", doc.toString());
        assertEquals(3, again.exitCode(), "the recorded entries changed the signed bytes");
    }

    @Test
    void aWorkflowRunsItsPythonBlockInTheSandboxAndItsJsonJoinsTheResult() throws Exception {
        Detection sandbox = Sandbox.detect();
        if (!sandbox.isAvailable()) {
            RealParts.missing("bubblewrap cannot build a sandbox here (apt-get install bubblewrap): " + sandbox.refusal());
        }
        String blocks = """
                ## Code_Blocks
                ```python
                import json, sys
                inputs = json.load(sys.stdin)
                print(json.dumps({"answer": inputs["x"] * 2, "purpose": inputs["purpose"]}))
                ```

                ```text
                not run: documentation
                ```

                ## Output_Schema
                {"type": "object", "required": ["answer"], "properties": {"answer": {"type": "integer"}}}
                """;
        Path doc = RunFixtures.write(dir, "w.maml.md", RunFixtures.document("workflow", blocks));
        CliRun run = CliRun.of("run", doc.toString(), "--set", "x=21");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode result = RunFixtures.json(run);
        assertEquals(42, result.get("answer").asInt());
        assertEquals("tests", result.get("purpose").asString(), "Context keys are inputs too");
        assertEquals(1, result.get("code_blocks").size(), "the text block is documentation");
        assertEquals("ok", result.get("code_blocks").get(0).get("status").asString());

        Path failing = RunFixtures.write(dir, "f.maml.md", RunFixtures.document("workflow",
                "## Code_Blocks\n```sh\necho oops >&2\nexit 4\n```\n"));
        CliRun failed = CliRun.of("run", failing.toString());
        assertEquals(1, failed.exitCode(), failed.out());
        assertEquals("code_block.1", RunFixtures.json(failed).get("failed_step").asString());
    }

    @Test
    void aDocumentTypeWithNothingToRunIsAUsageError() throws Exception {
        Path doc = RunFixtures.write(dir, "p.maml.md", RunFixtures.document("prompt", ""));
        CliRun run = CliRun.of("run", doc.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("workflow", RunFixtures.json(run).get("failed_step").asString());
        assertEquals(2, CliRun.of("run", dir.resolve("missing.maml.md").toString()).exitCode());
    }
}
