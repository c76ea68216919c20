package dev.maml.cli;

import dev.maml.io.InputFiles;
import dev.maml.report.Json;
import dev.maml.run.Identity;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.sign.SignaturePolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "run", description = {"Run a workflow document (spec section 10); the result JSON goes to stdout.",
        "Steps: lint, signature, permissions, inputs, the workflow, the output check, a .mu receipt. Messages go to stderr.",
        "Exit codes: 0 ok, 1 the workflow failed, 2 invalid document or command line, 3 refused, 70 internal error (a bug)."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The document to run.")
    Path file;

    @Option(names = "--input", paramLabel = "F", description = "A JSON object of inputs ('-': standard input).")
    String input;

    @Option(names = "--set", paramLabel = "k=v", description = "One input (a JSON literal or else a string); repeatable, wins over --input.")
    List<String> sets = new ArrayList<>();

    @Mixin
    RunOptions options;

    @Option(names = "--key", paramLabel = "K", description = "ML-DSA private key that signs the result and the receipt"
            + " (default: an ephemeral key pair for the run; the receipt is then unsigned).")
    Path key;

    @Option(names = "--exec-code-blocks", description = "Also run the code blocks of security and quantum workflows (sandboxed).")
    boolean execCodeBlocks;

    @Option(names = "--record", description = "Append [EXECUTE] and [RECEIPT] History entries (changes the signed bytes: re-sign).")
    boolean record;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("maml: " + Failures.notAFile(file));
            return ExitCodes.USAGE;
        }
        RunRequest request;
        try {
            // --input, then --set, then --as and --min-algorithm: the first problem found is the one reported.
            ObjectNode object = readInput();
            Map<String, String> sets = assignments();
            RunRequest.Builder builder = options.requests().apply(file).sets(sets).execCodeBlocks(execCodeBlocks)
                    .record(record);
            if (object != null) {
                builder.input(object);
            }
            if (key != null) {
                builder.key(key);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            err.println("maml: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RunResult result = main.pipeline().run(request);
        ObjectNode json = result.result();
        spec.commandLine().getOut().println(Json.pretty(json));
        // A project trust store that changed since it was allowed: said on stderr too, not only in the JSON.
        json.path("document_signature").path("warnings")
                .forEach(w -> err.println("maml: warning: " + w.asString()));
        if (result.ok()) {
            err.println("maml: ok; receipt " + result.receipt());
        } else {
            err.println("maml: run failed at step " + result.failedStep() + ": " + result.message());
        }
        return result.exitCode();
    }

    private Map<String, String> assignments() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sets) {
            Map.Entry<String, String> e = dev.maml.run.Parameters.parseSet(s);
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The --input object; IllegalArgumentException with a one-line reason when it is not one. */
    private @Nullable ObjectNode readInput() throws IOException {
        if (input == null) {
            return null;
        }
        String source = input.equals("-") ? "standard input" : input;
        byte[] bytes = input.equals("-") ? InputFiles.read(main.stdin(), "standard input") : readFile(Path.of(input));
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("--input " + source + ": not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("--input " + source + ": must be a JSON object, got "
                    + (json == null || json.isMissingNode() ? "nothing" : json.getNodeType().toString().toLowerCase()));
        }
        return (ObjectNode) json;
    }

    private static byte[] readFile(Path path) {
        try {
            return InputFiles.read(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("--input " + Failures.describe(e));
        }
    }

    /** Options shared with `maml run-batch`. */
    static final class RunOptions {
        @Option(names = "--as", paramLabel = "ID", defaultValue = "agent://local",
                description = "The identity asking to run (agent://NAME or gateway://NAME; default ${DEFAULT-VALUE}).")
        String as;

        @Option(names = "--trust", paramLabel = "P", description = "Also trust this public key (repeatable).")
        List<Path> trust = new ArrayList<>();

        @Option(names = "--allow-untrusted", description = "Run documents validly signed by a key in no trust store.")
        boolean allowUntrusted;

        @Option(names = "--min-algorithm", paramLabel = "ALG", description = "Refuse (exit 3) documents signed with a "
                + "weaker ML-DSA parameter set than this: ML-DSA-44, ML-DSA-65 or ML-DSA-87.")
        String minAlgorithm;

        @Option(names = "--receipt-dir", paramLabel = "D", description = "Write receipts (and sealed payloads) here instead of next to the document.")
        Path receiptDir;

        @Option(names = "--seed", paramLabel = "N", description = "Seed QKD and the run id (never keys, nonces or signatures) for a reproducible run.")
        Long seed;

        /**
         * Requests with these options (identity, trust, receipt directory, seed, weakest algorithm),
         * one per document; checked once, here: IllegalArgumentException with a one-line reason for a
         * bad --as or --min-algorithm.
         */
        Function<Path, RunRequest.Builder> requests() {
            Identity who = identity();
            SignaturePolicy policy = SignaturePolicy.minimum(minAlgorithm);
            return file -> {
                RunRequest.Builder builder = RunRequest.builder(file).identity(who).trust(trust)
                        .allowUntrusted(allowUntrusted).signaturePolicy(policy);
                if (receiptDir != null) {
                    builder.receiptDir(receiptDir);
                }
                if (seed != null) {
                    builder.seed(seed);
                }
                return builder;
            };
        }

        private Identity identity() {
            return Identity.parse(as).filter(id -> !id.isWildcard()).orElseThrow(() -> new IllegalArgumentException(
                    "--as takes agent://NAME or gateway://NAME, got '" + as + "'"));
        }
    }
}
