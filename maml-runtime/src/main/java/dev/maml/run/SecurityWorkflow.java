package dev.maml.run;

import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in pipeline of a `security_workflow` (spec 10.1-10.3): QKD, then sealing the payload
 * (when `payload` or `dataset` names one) with quad AES, then signing the result's canonical JSON
 * with ML-DSA and verifying that signature. Each step hands what it made to the next.
 */
final class SecurityWorkflow {

    private SecurityWorkflow() {
    }

    static void run(RunContext ctx, RunLog log, ObjectNode parameters) throws RunFailure {
        Qkd.Run qkd = log.step(Qkd.STEP, () -> Qkd.run(parameters, ctx.rng()));
        // Key material, nonces and signatures always come from SecureRandom, never from --seed.
        SecureRandom random = new SecureRandom();
        Seal.@Nullable Sealed sealed = !Seal.wanted(parameters) ? null
                : log.step("quad_aes.seal", () -> Seal.run(ctx, parameters, Qkd.bytes(qkd.key()), random));
        ResultSigner.Signed signed = log.step("sign", () -> ResultSigner.sign(ctx, parameters, qkd, sealed, random));
        log.step("verify", () -> ResultSigner.verify(signed));
    }
}
