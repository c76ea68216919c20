package dev.maml.cli;

import dev.maml.io.InputFiles;
import dev.maml.report.Json;
import dev.maml.report.Printable;
import dev.maml.report.VerifyReport;
import dev.maml.sign.Outcome;
import dev.maml.sign.SignaturePolicy;
import dev.maml.sign.TrustStore;
import dev.maml.sign.TrustedComment;
import dev.maml.sign.Verification;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import dev.maml.toolchain.Verified;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "verify", description = "Check documents' ML-DSA signatures. Exit 0 valid and trusted, 1 invalid, "
        + "unsigned or malformed, 3 valid but the key is in no trust store or the algorithm is below --min-algorithm, "
        + "2 usage or I/O error. With several files, the worst: 2, then 1, then 3, then 0.",
        footer = {"", "Examples:", "  maml verify drone.maml.md --trust keys/alice.pub",
                "  maml verify docs/*.maml.md --json     # a JSON array, one object per file",
                "  curl -s https://example.org/d.maml.md | maml verify - --trust alice.pub",
                "", "A document from standard input (-) has no directory: a public_key path in it",
                "is not resolved (not against the current directory either); sign such",
                "documents with the key embedded (base64:). The trusted comment",
                "(maml sign --trusted-comment) is shown only for a valid, trusted signature."})
final class VerifyCommand implements Callable<Integer> {

    /** The name a document read from standard input goes by in the output. */
    static final String STDIN = "-";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The documents to check; - reads one from standard input.")
    List<Path> files;

    @Option(names = "--trust", paramLabel = "PUB", description = "Also trust this public key file (repeatable).")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--json", description = "Print the outcome as JSON: an object for one FILE, an array of them for several.")
    boolean json;

    @Option(names = "--min-algorithm", paramLabel = "ALG", description = "Refuse (exit 3) signatures weaker than this "
            + "ML-DSA parameter set: ML-DSA-44, ML-DSA-65 or ML-DSA-87.")
    String minAlgorithm;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SignaturePolicy policy;
        try {
            policy = SignaturePolicy.minimum(minAlgorithm);
        } catch (IllegalArgumentException e) {
            err.println("maml: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (files.stream().filter(f -> f.toString().equals(STDIN)).count() > 1) {
            err.println("maml: - (standard input) can be given once");
            return ExitCodes.USAGE;
        }
        Session session = Session.builder().trust(new TrustSettings(trust, true)).signaturePolicy(policy).build();
        Toolchain toolchain = new Toolchain();
        ArrayNode reports = Json.MAPPER.createArrayNode();
        Set<String> notes = new LinkedHashSet<>();
        int code = ExitCodes.OK;
        for (Path file : files) {
            String name = file.toString();
            Source source;
            try {
                source = read(file, session);
            } catch (IOException e) {
                out.flush();
                err.println("maml: " + Failures.describe(e));
                code = worse(code, ExitCodes.USAGE);
                continue;
            }
            Verified verified = toolchain.verify(source, session);
            TrustStore store = verified.trust();
            store.warnings().forEach(w -> notes.add("warning: " + w));
            Verification v = verified.verification();
            Optional<String> comment = v.outcome() == Outcome.VALID && source.text() != null
                    ? TrustedComment.read(source.text()) : Optional.empty();
            if (json) {
                ObjectNode report = VerifyReport.json(name, v);
                comment.ifPresent(c -> report.put(TrustedComment.KEY, c));
                reports.add(report);
            } else {
                out.println(Printable.line(name + ": " + v.outcome().label() + ": " + v.reason()));
                comment.ifPresent(c -> out.println(Printable.line(name + ": trusted comment: " + c)));
            }
            if (v.outcome() == Outcome.VALID_UNTRUSTED && !store.notAllowed().isEmpty()) {
                notes.add("note" + store.advice().replaceFirst("^;", ":"));
            }
            code = worse(code, switch (v.outcome()) {
                case VALID -> ExitCodes.OK;
                case VALID_UNTRUSTED, BELOW_MINIMUM -> ExitCodes.REFUSED;
                case INVALID, UNSIGNED, MALFORMED -> ExitCodes.FAILED;
            });
        }
        if (json && !reports.isEmpty()) {
            out.println(Json.pretty(files.size() == 1 ? reports.get(0) : reports));
        }
        out.flush();
        notes.forEach(n -> err.println("maml: " + n));
        return code;
    }

    private Source read(Path file, Session session) throws IOException {
        if (file.toString().equals(STDIN)) {
            // No directory: a relative public_key is not resolved, and no project trust store is looked for.
            return Source.of(InputFiles.read(main.stdin(), "standard input"), null);
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory");
        }
        return session.read(file);
    }

    /** The exit code of several checks: usage/I/O (2), then invalid (1), then refused (3), then valid (0). */
    static int worse(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCodes.USAGE -> 3;
            case ExitCodes.FAILED -> 2;
            case ExitCodes.REFUSED -> 1;
            default -> 0;
        };
    }
}
