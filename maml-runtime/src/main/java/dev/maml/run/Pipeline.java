package dev.maml.run;

import dev.maml.sandbox.Detection;
import dev.maml.sandbox.Sandbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * `maml run` without a transport (spec section 10): lint, signature, permissions, inputs, the
 * workflow, the output check, the receipt and, with --record, the History entries. Each step is
 * timed, takes what earlier steps returned and returns an immutable record of what it found; the
 * first failure stops the run and decides the exit code. Thread-safe: every run has its own state,
 * so a batch or a server may run many at once.
 */
public final class Pipeline {

    private final Clock clock;
    private final Supplier<Detection> sandbox;
    private final SignatureGate.Verifier verifier;

    public Pipeline() {
        this(Clock.systemUTC(), Sandbox::detect);
    }

    /** @param sandbox how to find a sandbox when code blocks are to run (asked at most once per run) */
    public Pipeline(Clock clock, Supplier<Detection> sandbox) {
        this(clock, sandbox, SignatureGate.Verifier.STANDARD);
    }

    /** @param verifier checks the document's signature (a test counts the checks through it) */
    Pipeline(Clock clock, Supplier<Detection> sandbox, SignatureGate.Verifier verifier) {
        this.clock = clock;
        this.sandbox = sandbox;
        this.verifier = verifier;
    }

    public RunResult run(RunRequest request) {
        RandomGenerator rng = request.seed().isPresent() ? new SplittableRandom(request.seed().getAsLong())
                : new SecureRandom();
        UUID runId = request.seed().isPresent() ? seededUuid(rng) : UUID.randomUUID();
        RunContext ctx = RunContext.of(request, clock.instant(), rng, runId, sandbox);
        RunLog log = new RunLog();
        log.add(new RunHeader(request.displayName(), runId.toString(), request.identity().uri(),
                request.seed()));
        try {
            LintGate.Linted linted = log.step("lint", () -> LintGate.check(ctx));
            log.step("signature", () -> SignatureGate.check(ctx, linted.doc(), verifier));
            log.step("permissions", () -> {
                PermissionGate.check(linted.doc(), request.identity());
                return null;
            });
            Inputs.Resolved inputs = log.step("inputs", () -> Inputs.resolve(ctx, linted));
            Workflows.run(ctx, log, linted, inputs);
            log.step("output_schema", () -> {
                OutputCheck.check(linted.doc(), log.snapshot());
                return null;
            });
            ReceiptStep.Written receipt = log.step("receipt", () -> ReceiptStep.write(ctx, inputs, log.snapshot()));
            if (request.record()) {
                log.step("record", () -> HistoryRecord.append(ctx, linted.doc(), receipt.file()));
            }
            return new RunResult(log.finish(), 0, receipt.file(), null);
        } catch (RunFailure failure) {
            return new RunResult(log.finish(), failure.exitCode(), null, failure.getMessage());
        }
    }

    /** A version 4 UUID drawn from the seeded generator, so a seeded run's id repeats too. */
    private static UUID seededUuid(RandomGenerator rng) {
        long high = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long low = (rng.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
