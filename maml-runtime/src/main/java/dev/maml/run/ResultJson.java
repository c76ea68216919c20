package dev.maml.run;

import dev.maml.qkd.Bb84Result;
import dev.maml.quadaes.Keyring;
import dev.maml.report.Json;
import dev.maml.sandbox.BlockResult;
import dev.maml.sign.Verification;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result JSON of a run (docs/run.md, "Result fields"), made from its typed {@link RunReport}:
 * `status` first, then each part's fields in the order the run found them, then `failed_step` and
 * `error` when a step failed, and `steps` last. The only place the run's result becomes JSON; the
 * output schema check and the receipt's digest read this same rendering.
 */
final class ResultJson {

    private ResultJson() {
    }

    static ObjectNode of(RunReport report) {
        ObjectNode result = Json.object().put("status", report.status());
        for (ResultPart part : report.parts()) {
            add(result, part);
        }
        StepRecord failed = report.failed();
        if (failed != null) {
            result.put("failed_step", failed.name()).put("error", failed.message());
        }
        ArrayNode steps = result.putArray("steps");
        for (StepRecord step : report.steps()) {
            ObjectNode entry = steps.addObject().put("name", step.name()).put("status", step.status().label());
            if (step.message() != null) {
                entry.put("message", step.message());
            }
            entry.put("millis", step.millis());
        }
        if (report.running() != null) {
            steps.addObject().put("name", report.running());
        }
        return result;
    }

    private static void add(ObjectNode result, ResultPart part) {
        if (part instanceof RunHeader h) {
            result.put("document", h.document()).put("run_id", h.runId()).put("identity", h.identity());
            h.seed().ifPresent(seed -> result.put("seed", seed));
        } else if (part instanceof LintGate.Linted linted) {
            result.put("type", linted.type());
        } else if (part instanceof LintGate.LintErrors errors) {
            ArrayNode shown = result.putArray("lint_errors");
            errors.shown().forEach(e -> shown.addObject().put("rule", e.rule()).put("alias", e.alias())
                    .put("line", e.line()).put("column", e.column()).put("message", e.message()));
        } else if (part instanceof SignatureGate.DocumentSignature signature) {
            documentSignature(result.putObject("document_signature"), signature);
        } else if (part instanceof Inputs.Resolved inputs) {
            result.set("inputs", inputs.parameters().deepCopy());
        } else if (part instanceof SectionSchema.Violations violations) {
            ArrayNode list = result.putArray(violations.field());
            violations.shown().forEach(v -> list.addObject().put("pointer", v.displayPointer())
                    .put("keyword", v.keyword()).put("message", v.message()));
        } else if (part instanceof Qkd.Run qkd) {
            result.set("qkd", qkd.outcome().toJson());
            if (qkd.outcome() instanceof Bb84Result.Key key) {
                ArrayNode bits = result.putArray("qkd_key");
                key.bobKey().toIntegers().forEach(bits::add);
            }
        } else if (part instanceof Seal.Sealed sealed) {
            result.put("ciphertext_sha3_256", sealed.ciphertextSha3());
            result.putObject("heads")
                    .put("scheme", "quad-aes-256-gcm")
                    .put("heads", Keyring.HEADS)
                    .put("threshold", sealed.threshold())
                    .put("container", sealed.container().toString())
                    .put("keyring", sealed.keyring().toString())
                    .put("keyring_id", sealed.keyringId())
                    .put("data_key_id", sealed.dataKeyId())
                    .put("plaintext_bytes", sealed.plaintextBytes());
        } else if (part instanceof ResultSigner.Signed signed) {
            signing(result, signed);
        } else if (part instanceof ResultSigner.Verified verified) {
            result.put("is_valid", verified.valid());
        } else if (part instanceof CodeBlocks.Started) {
            result.putArray("code_blocks");
        } else if (part instanceof CodeBlocks.Report block) {
            codeBlock(result, block);
        } else if (part instanceof ReceiptStep.Written receipt) {
            result.put("receipt", receipt.file().toString()).put("receipt_signed", receipt.signed());
        } else if (part instanceof HistoryRecord.Recorded) {
            result.put("recorded", true);
        }
    }

    private static void documentSignature(ObjectNode entry, SignatureGate.DocumentSignature signature) {
        if (!signature.declared()) {
            entry.put("outcome", "not-declared");
            return;
        }
        Verification v = signature.verification();
        if (v == null) {
            return; // the trust stores could not be read: nothing was checked
        }
        entry.put("outcome", v.outcome().label()).put("reason", v.reason());
        if (!signature.warnings().isEmpty()) {
            signature.warnings().forEach(entry.putArray("warnings")::add);
        }
        if (v.keyId() != null) {
            entry.put("key_id", v.keyId());
        }
        if (signature.allowedUntrusted()) {
            entry.put("allowed_untrusted", true);
        }
    }

    private static void signing(ObjectNode result, ResultSigner.Signed signed) {
        result.put("key_id", signed.keyId());
        result.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
        ObjectNode signing = result.putObject("signing")
                .put("algorithm", signed.algorithm())
                .put("key_id", signed.keyId())
                .put("ephemeral", signed.ephemeral())
                .put("context", ResultSigner.CONTEXT);
        ArrayNode covers = signing.putArray("covers");
        signed.covers().forEach(covers::add);
        if (signed.ephemeral()) {
            signing.put("note", "no --key: an ephemeral key pair was generated for this run and discarded;"
                    + " the signature proves nothing about who ran it");
        }
    }

    /** Appends the block to `code_blocks` and merges its JSON-object stdout, except the pipeline's own fields. */
    private static void codeBlock(ObjectNode result, CodeBlocks.Report block) {
        ObjectNode report = ((ArrayNode) result.get("code_blocks")).addObject().put("index", block.index())
                .put("language", block.language()).put("line", block.line());
        BlockResult ran = block.result();
        if (ran == null) {
            return;
        }
        report.setAll(ran.toJson());
        JsonNode output = ran.output();
        if (ran.ok() && output != null && output.isObject()) {
            for (Map.Entry<String, JsonNode> field : output.properties()) {
                if (!CodeBlocks.RESERVED.contains(field.getKey())) {
                    result.set(field.getKey(), field.getValue().deepCopy());
                }
            }
        }
    }
}
