package dev.maml.run;

import dev.maml.io.FailureText;
import dev.maml.receipt.CanonicalJson;
import dev.maml.report.Json;
import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.MlDsa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signing inside a run (spec 10.3): the RFC 8785 canonical JSON of the run id, the QKD statistics,
 * the key id and the ciphertext digest is signed with ML-DSA (context "maml-2 run result") and the
 * signature verified. With no --key an ephemeral key pair of `signature_algorithm` is made for the
 * run and thrown away: its signature shows the pipeline works, not who ran it.
 */
final class ResultSigner {

    static final String CONTEXT = "maml-2 run result";
    static final MlDsa RESULT = new MlDsa(CONTEXT.getBytes(StandardCharsets.US_ASCII));

    private ResultSigner() {
    }

    /**
     * The result's signature: `key_id`, `signature` and `signing`.
     *
     * @param algorithm the signing key's parameter set, as named in `signing.algorithm`
     * @param covers    the signed fields present in this run: run_id, qkd, key_id and, when a payload was
     *                  sealed, ciphertext_sha3_256
     */
    record Signed(String keyId, byte[] signature, String algorithm, boolean ephemeral, List<String> covers,
                  PublicKey publicKey, byte[] message) implements ResultPart {

        Signed {
            covers = List.copyOf(covers);
            signature = signature.clone();
            message = message.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }
    }

    /** Whether the result's signature verified: `is_valid`. */
    record Verified(boolean valid) implements ResultPart {
    }

    /** Checks the signature just made with its own public key. */
    static Verified verify(Signed signed) throws RunFailure {
        if (!RESULT.verify(signed.publicKey(), signed.message(), signed.signature())) {
            throw new RunFailure(RunFailure.FAILED, "the result's signature does not verify", new Verified(false));
        }
        return new Verified(true);
    }

    static Signed sign(RunContext ctx, ObjectNode parameters, Qkd.Run qkd, Seal.@Nullable Sealed sealed,
                               SecureRandom random) throws RunFailure {
        Path keyFile = ctx.request().key();
        KeyPair pair = keyFile != null ? keyPair(keyFile) : ephemeral(parameters, random);
        String keyId = KeyId.of(pair.getPublic());
        ObjectNode covered = Json.object().put("run_id", ctx.runId().toString());
        covered.set("qkd", qkd.outcome().toJson());
        covered.put("key_id", keyId);
        if (sealed != null) {
            covered.put("ciphertext_sha3_256", sealed.ciphertextSha3());
        }
        byte[] message = CanonicalJson.of(covered).getBytes(StandardCharsets.UTF_8);
        byte[] signature;
        try {
            signature = RESULT.sign(pair.getPrivate(), message, random);
        } catch (GeneralSecurityException e) {
            throw new RunFailure(RunFailure.FAILED, "ML-DSA signing failed: " + e.getMessage());
        }
        String algorithm = Algorithm.resolve(pair.getPublic().getAlgorithm()).map(Algorithm::id)
                .orElse(pair.getPublic().getAlgorithm());
        return new Signed(keyId, signature, algorithm, keyFile == null, List.copyOf(covered.propertyNames()),
                pair.getPublic(), message);
    }

    private static KeyPair keyPair(Path keyFile) throws RunFailure {
        try {
            PrivateKey key = KeyFiles.readPrivate(keyFile);
            return new KeyPair(KeyFiles.publicOf(key), key);
        } catch (IOException e) {
            throw new RunFailure(RunFailure.INVALID, "--key: " + FailureText.of(e));
        }
    }

    private static KeyPair ephemeral(ObjectNode parameters, SecureRandom random) throws RunFailure {
        JsonNode name = parameters.get("signature_algorithm");
        Algorithm algorithm = name == null ? Algorithm.DEFAULT : Algorithm.resolve(name.asString())
                .orElseThrow(() -> new RunFailure(RunFailure.INVALID, "signature_algorithm '" + name.asString()
                        + "' is not ML-DSA-44, ML-DSA-65 or ML-DSA-87 (or a Dilithium alias of one)"));
        return MlDsa.generate(algorithm, random);
    }
}
