package dev.maml.run;

import dev.maml.receipt.CanonicalJson;
import dev.maml.report.Json;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.MlDsa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signing inside a run (spec 10.3): the RFC 8785 canonical JSON of the run id, the QKD statistics,
 * the key id and the ciphertext digest is signed with ML-DSA (context "maml-2 run result") and the
 * signature verified. With no --key an ephemeral key pair of `signature_algorithm` is made for the
 * run and thrown away: its signature shows the pipeline works, not who ran it.
 */
final class ResultSigner {

    static final MlDsa RESULT = new MlDsa("maml-2 run result".getBytes(StandardCharsets.US_ASCII));
    /** The result fields the signature covers, in this order of the signed object's keys (sorted by RFC 8785). */
    static final List<String> SIGNED_FIELDS = List.of("run_id", "qkd", "key_id", "ciphertext_sha3_256");

    private ResultSigner() {
    }

    private record Signed(PublicKey publicKey, byte[] message, byte[] signature) {
    }

    static void run(RunContext ctx, SecureRandom random) throws RunFailure {
        Signed signed = ctx.log.step("sign", () -> sign(ctx, random));
        ctx.log.step("verify", () -> {
            boolean valid = RESULT.verify(signed.publicKey(), signed.message(), signed.signature());
            ctx.result().put("is_valid", valid);
            if (!valid) {
                throw new RunFailure(RunFailure.FAILED, "the result's signature does not verify");
            }
            return null;
        });
    }

    private static Signed sign(RunContext ctx, SecureRandom random) throws RunFailure {
        KeyPair pair = keyPair(ctx, random);
        String keyId = KeyId.of(pair.getPublic());
        ObjectNode result = ctx.result();
        result.put("key_id", keyId);
        ObjectNode covered = Json.object();
        for (String field : SIGNED_FIELDS) {
            JsonNode value = result.get(field);
            if (value != null) {
                covered.set(field, value);
            }
        }
        byte[] message = CanonicalJson.of(covered).getBytes(StandardCharsets.UTF_8);
        byte[] signature;
        try {
            signature = RESULT.sign(pair.getPrivate(), message, random);
        } catch (GeneralSecurityException e) {
            throw new RunFailure(RunFailure.FAILED, "ML-DSA signing failed: " + e.getMessage());
        }
        result.put("signature", Base64.getEncoder().encodeToString(signature));
        ObjectNode signing = result.putObject("signing")
                .put("algorithm", Algorithm.resolve(pair.getPublic().getAlgorithm()).map(Algorithm::id)
                        .orElse(pair.getPublic().getAlgorithm()))
                .put("key_id", keyId)
                .put("ephemeral", ctx.request.key() == null)
                .put("context", "maml-2 run result");
        ArrayNode covers = signing.putArray("covers");
        covered.propertyNames().forEach(covers::add);
        if (ctx.request.key() == null) {
            signing.put("note", "no --key: an ephemeral key pair was generated for this run and discarded;"
                    + " the signature proves nothing about who ran it");
        }
        return new Signed(pair.getPublic(), message, signature);
    }

    private static KeyPair keyPair(RunContext ctx, SecureRandom random) throws RunFailure {
        if (ctx.request.key() != null) {
            try {
                PrivateKey key = KeyFiles.readPrivate(ctx.request.key());
                return new KeyPair(KeyFiles.publicOf(key), key);
            } catch (IOException e) {
                throw new RunFailure(RunFailure.INVALID, "--key: " + Messages.of(e));
            }
        }
        JsonNode name = ctx.parameters.get("signature_algorithm");
        Algorithm algorithm = name == null ? Algorithm.DEFAULT : Algorithm.resolve(name.asString())
                .orElseThrow(() -> new RunFailure(RunFailure.INVALID, "signature_algorithm '" + name.asString()
                        + "' is not ML-DSA-44, ML-DSA-65 or ML-DSA-87 (or a Dilithium alias of one)"));
        return MlDsa.generate(algorithm, random);
    }
}
