package dev.maml.run;

import dev.maml.sandbox.Detection;
import dev.maml.sandbox.Sandbox;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml run` without a transport (spec section 10): lint, signature, permissions, inputs, the
 * workflow, the output check, the receipt and, with --record, the History entries. Each step is
 * timed into the result's `steps`; the first failure stops the run and decides the exit code.
 * Thread-safe: every run has its own state, so a batch or a server may run many at once.
 */
public final class Pipeline {

    private final Clock clock;
    private final Supplier<Detection> sandbox;

    public Pipeline() {
        this(Clock.systemUTC(), Sandbox::detect);
    }

    /** @param sandbox how to find a sandbox when code blocks are to run (asked at most once per run) */
    public Pipeline(Clock clock, Supplier<Detection> sandbox) {
        this.clock = clock;
        this.sandbox = sandbox;
    }

    public RunResult run(RunRequest request) {
        RunLog log = new RunLog();
        RandomGenerator rng = request.seed().isPresent() ? new SplittableRandom(request.seed().getAsLong())
                : new SecureRandom();
        UUID runId = request.seed().isPresent() ? seededUuid(rng) : UUID.randomUUID();
        Instant now = clock.instant();
        ObjectNode result = log.result();
        result.put("document", request.document().toString()).put("run_id", runId.toString())
                .put("identity", request.identity().uri());
        request.seed().ifPresent(seed -> result.put("seed", seed));
        RunContext ctx = new RunContext(request, log, now, rng, runId, sandbox);
        try {
            log.step("lint", () -> {
                LintGate.check(ctx);
                return null;
            });
            result.put("type", ctx.type);
            log.step("signature", () -> {
                SignatureGate.check(ctx);
                return null;
            });
            log.step("permissions", () -> {
                PermissionGate.check(ctx);
                return null;
            });
            log.step("inputs", () -> {
                Inputs.resolve(ctx);
                return null;
            });
            Workflows.run(ctx);
            log.step("output_schema", () -> {
                OutputCheck.check(ctx);
                return null;
            });
            Path receipt = ReceiptStep.write(ctx);
            if (request.record()) {
                HistoryRecord.append(ctx, receipt);
            }
            log.finish();
            return new RunResult(stepsLast(result), 0, receipt, null);
        } catch (RunFailure failure) {
            return new RunResult(stepsLast(result), failure.exitCode(), null, failure.getMessage());
        }
    }

    /** Steps read best after the fields they produced. */
    private static ObjectNode stepsLast(ObjectNode result) {
        JsonNode steps = result.remove("steps");
        result.set("steps", steps);
        return result;
    }

    /** A version 4 UUID drawn from the seeded generator, so a seeded run's id repeats too. */
    private static UUID seededUuid(RandomGenerator rng) {
        long high = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long low = (rng.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
