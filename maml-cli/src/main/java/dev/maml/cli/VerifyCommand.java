package dev.maml.cli;

import dev.maml.report.Json;
import dev.maml.report.Printable;
import dev.maml.report.VerifyReport;
import dev.maml.sign.Outcome;
import dev.maml.sign.SignaturePolicy;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;
import dev.maml.toolchain.Verified;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = "Check a document's ML-DSA signature. Exit 0 valid and trusted, 1 invalid, "
        + "unsigned or malformed, 3 valid but the key is in no trust store or the algorithm is below --min-algorithm, "
        + "2 usage or I/O error.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The document to check.")
    Path file;

    @Option(names = "--trust", paramLabel = "PUB", description = "Also trust this public key file (repeatable).")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Option(names = "--min-algorithm", paramLabel = "ALG", description = "Refuse (exit 3) signatures weaker than this "
            + "ML-DSA parameter set: ML-DSA-44, ML-DSA-65 or ML-DSA-87.")
    String minAlgorithm;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(file)) {
            err.println("maml: " + file + ": is a directory");
            return ExitCodes.USAGE;
        }
        SignaturePolicy policy;
        try {
            policy = SignaturePolicy.minimum(minAlgorithm);
        } catch (IllegalArgumentException e) {
            err.println("maml: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Session session = Session.builder().trust(new TrustSettings(trust, true)).signaturePolicy(policy).build();
        Verified verified = new Toolchain().verify(session.read(file), session);
        TrustStore store = verified.trust();
        store.warnings().forEach(w -> err.println("maml: warning: " + w));
        Verification v = verified.verification();
        if (json) {
            out.println(Json.pretty(VerifyReport.json(file.toString(), v)));
        } else {
            out.println(Printable.line(file + ": " + v.outcome().label() + ": " + v.reason()));
        }
        if (v.outcome() == Outcome.VALID_UNTRUSTED && !store.notAllowed().isEmpty()) {
            err.println("maml: note" + store.advice().replaceFirst("^;", ":"));
        }
        return switch (v.outcome()) {
            case VALID -> ExitCodes.OK;
            case VALID_UNTRUSTED, BELOW_MINIMUM -> ExitCodes.REFUSED;
            case INVALID, UNSIGNED, MALFORMED -> ExitCodes.FAILED;
        };
    }
}
