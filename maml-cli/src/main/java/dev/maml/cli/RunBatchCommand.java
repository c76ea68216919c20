package dev.maml.cli;

import dev.maml.cli.shard.BatchSummary;
import dev.maml.cli.shard.MergeCommand;
import dev.maml.cli.shard.Shard;
import dev.maml.cli.shard.ShardArgument;
import dev.maml.cli.shard.UnchangedCheck;
import dev.maml.report.Json;
import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.model.FileKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml-run` / `maml run-batch` (spec section 10): runs many documents in parallel and prints one
 * JSON line per document as it finishes (completion order, not input order). Results are streamed,
 * never kept: at most 2 × jobs runs are in flight, so memory stays bounded for any number of files.
 * The exit code is the worst of all runs, and the last line a summary ({@link BatchSummary}).
 * {@code --shard I/N} runs one of N disjoint parts (docs/run.md, "Sharding"); {@code merge} sums
 * the parts' outputs.
 */
@Command(name = "run-batch", subcommands = MergeCommand.class,
        description = {"Run many documents (files and directories) in parallel; one JSON line per document, then a summary line.",
                "Exit code: the worst of all runs. `merge OUT...` combines the outputs of --shard runs."})
final class RunBatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Documents, or directories searched for *.maml.md and *.maml.markdown.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    FilesFromOptions listed;

    @Option(names = "--shard", paramLabel = "I/N", converter = ShardArgument.Converter.class,
            description = "Run only shard I of N (1-based; by SHA-256 of each path relative to its PATH argument);"
                    + " auto/N takes I from JOB_COMPLETION_INDEX (0-based, Kubernetes Indexed Jobs).")
    ShardArgument shard;

    @Option(names = "--skip-unchanged", description = "Skip (status skipped) a document whose newest receipt verifies and"
            + " names its current bytes.")
    boolean skipUnchanged;

    @Option(names = "--force", description = "Run every document, even with --skip-unchanged.")
    boolean force;

    @Option(names = "--jobs", paramLabel = "N", description = "Documents run at once (default: the number of processors).")
    Integer jobs;

    @Mixin
    RunCommand.RunOptions options;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parallel() < 1) {
            err.println("maml: --jobs must be at least 1, got " + parallel());
            return ExitCodes.USAGE;
        }
        Function<Path, RunRequest.Builder> requests;
        try {
            requests = options.requests();
        } catch (IllegalArgumentException e) {
            err.println("maml: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<String> arguments = new ArrayList<>(paths.stream().map(Path::toString).toList());
        arguments.addAll(listed.paths(main.stdin()));
        if (!listed.given() && arguments.isEmpty()) {
            err.println("maml: give PATHs to run, or --files-from");
            return ExitCodes.USAGE;
        }
        Shard part = ShardSelection.resolve(shard);
        AtomicInteger worst = new AtomicInteger(ExitCodes.OK);
        BatchSummary summary = new BatchSummary();
        // Nothing listed (no file changed): an empty batch, not the current directory.
        if (!arguments.isEmpty()) {
            run(arguments, part, requests, worst, summary);
        }
        out.println(Json.compact(summary.line(worst.get(), part)));
        out.flush();
        return worst.get();
    }

    private void run(List<String> arguments, Shard part, Function<Path, RunRequest.Builder> requests, AtomicInteger worst,
                     BatchSummary summary) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LintTargets found = LintTargets.collect(arguments.stream().map(Path::of).toList());
        found.errors.forEach(message -> {
            err.println("maml: " + message);
            worst.set(ExitCodes.USAGE);
        });
        List<LintTargets.Target> documents = found.targets.stream()
                .filter(t -> FileKind.named(t.file()) == FileKind.DOCUMENT).toList();
        if (part != null) {
            documents = ShardSelection.keep(part, documents, t -> t, arguments);
        }
        UnchangedCheck unchanged = skipUnchanged && !force ? new UnchangedCheck(options.receiptDir) : null;
        Pipeline pipeline = main.pipeline();
        Progress progress = Progress.startIfUseful(err, documents.size());
        Semaphore inFlight = new Semaphore(2 * parallel());
        ExecutorService pool = Executors.newFixedThreadPool(parallel());
        // Lines are printed once their receipts are on disk, many receipts per directory fsync.
        DurableLines lines = new DurableLines(line -> {
            worst.accumulateAndGet(line.get("exit_code").asInt(), Math::max);
            summary.add(line);
            out.println(Json.compact(line));
            out.flush();
            if (progress != null) {
                progress.advance();
            }
        });
        try {
            for (LintTargets.Target target : documents) {
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        ObjectNode line = runOne(pipeline, target, requests, unchanged, err);
                        lines.add(line, line.has("receipt") && !"skipped".equals(line.get("status").asString())
                                ? Path.of(line.get("receipt").asString()) : null);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            lines.close();
            if (progress != null) {
                progress.finish();
            }
        }
    }

    private int parallel() {
        return jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    }

    private ObjectNode runOne(Pipeline pipeline, LintTargets.Target target, Function<Path, RunRequest.Builder> requests,
                              UnchangedCheck unchanged, PrintWriter err) {
        ObjectNode line = Json.object().put("path", target.display());
        try {
            Path receipt = unchanged == null ? null : unchanged.receiptFor(target.file());
            if (receipt != null) {
                return line.put("status", "skipped").put("exit_code", ExitCodes.OK).put("receipt", receipt.toString());
            }
            RunResult run = pipeline.run(requests.apply(target.file()).receiptSyncedByCaller(true).build());
            ObjectNode result = run.result();
            line.put("status", result.get("status").asString()).put("exit_code", run.exitCode());
            if (run.ok()) {
                line.put("receipt", run.receipt().toString());
                copy(result, line, "type", "run_id", "is_valid", "key_id", "ciphertext_sha3_256");
                JsonNode qkd = result.get("qkd");
                if (qkd != null) {
                    line.put("qkd_final_length", qkd.get("final_length").asInt());
                }
            } else {
                line.put("failed_step", run.failedStep()).put("message", run.message());
            }
        } catch (IOException e) {
            // The document could not be read for the check: as a run would report it.
            line.put("status", "failed").put("exit_code", ExitCodes.USAGE).put("message", Failures.describe(e));
        } catch (RuntimeException e) {
            // A bug: one broken document must not end the batch; the line says what happened.
            line.put("status", "failed").put("exit_code", ExitCodes.INTERNAL).put("message", Failures.internal(e));
            synchronized (err) {
                err.println("maml: " + target.display() + ": " + Failures.internal(e));
                main.debugTrace(e, err);
            }
        }
        return line;
    }

    private static void copy(ObjectNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f)) {
                to.set(f, from.get(f));
            }
        }
    }
}
