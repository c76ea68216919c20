package dev.maml.cli.shard;

import dev.maml.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `maml-run merge OUT…`: one summary line for the outputs of a sharded batch; exits with the worst exit code. */
@Command(name = "merge", description = {"Combine the outputs (JSON lines) of `maml-run --shard I/N` runs into one summary line.",
        "Every shard of N must be there once. Exit code: the worst of the shards; 2 when an output is missing, incomplete or repeated."})
public final class MergeCommand implements Callable<Integer> {

    private static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "OUT", arity = "1..*", description = "The output file of each shard.")
    List<Path> outputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ShardMerge merge = new ShardMerge();
        try {
            for (Path output : outputs) {
                merge.add(output);
            }
            spec.commandLine().getOut().println(Json.compact(merge.summary()));
        } catch (IllegalArgumentException e) {
            err.println("maml: merge: " + e.getMessage());
            return USAGE;
        }
        return merge.exitCode();
    }
}
