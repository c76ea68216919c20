package dev.maml.run;

import dev.maml.qkd.Bits;
import java.security.SecureRandom;

/**
 * The built-in pipeline of a `security_workflow` (spec 10.1-10.3): QKD, then sealing the payload
 * (when `payload` or `dataset` names one) with quad AES, then signing the result's canonical JSON
 * with ML-DSA and verifying that signature.
 */
final class SecurityWorkflow {

    private SecurityWorkflow() {
    }

    static void run(RunContext ctx) throws RunFailure {
        Bits key = Qkd.run(ctx);
        // Key material, nonces and signatures always come from SecureRandom, never from --seed.
        SecureRandom random = new SecureRandom();
        Seal.run(ctx, Qkd.bytes(key), random);
        ResultSigner.run(ctx, random);
    }
}
