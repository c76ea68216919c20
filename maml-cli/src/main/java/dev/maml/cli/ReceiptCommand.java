package dev.maml.cli;

import dev.maml.io.AtomicFiles;
import dev.maml.receipt.ReceiptChain;
import dev.maml.receipt.ReceiptFinding;
import dev.maml.receipt.ReceiptVerification;
import dev.maml.sign.SigningException;
import dev.maml.sign.TrustStore;
import dev.maml.toolchain.Identity;
import dev.maml.toolchain.ReceiptChecked;
import dev.maml.toolchain.ReceiptDraft;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "receipt", description = "Create and check .mu receipts (mirrored, digested, optionally signed, chained).",
        subcommands = {ReceiptCommand.Create.class, ReceiptCommand.Verify.class, ReceiptExportCommand.class})
final class ReceiptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("maml: receipt needs a subcommand: create, verify or export");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "create", description = "Write a .mu receipt of a document (chained to the previous receipt of the "
            + "same document in the output directory).")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The document.")
        Path file;

        @Option(names = "--key", paramLabel = "K", description = "Sign the receipt with this private key.")
        Path key;

        @Option(names = "--public-key", paramLabel = "P", description = "Reference this public key file from the receipt.")
        Path publicKey;

        @Option(names = "--out", paramLabel = "X.mu", description = "Where to write (default NAME.mu next to FILE, "
                + "or NAME.2.mu, NAME.3.mu… when taken).")
        Path out;

        @Override
        public Integer call() throws IOException, SigningException {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("maml: " + Failures.notAFile(file));
                return ExitCodes.USAGE;
            }
            if (publicKey != null && key == null) {
                spec.commandLine().getErr().println("maml: " + publicKey + " is not the public key of a signing key (give --key)");
                return ExitCodes.USAGE;
            }
            Session session = Session.builder().identity(key == null ? null : new Identity(key, publicKey)).build();
            ReceiptDraft draft = new Toolchain().receiptCreate(session.read(file), out, session);
            AtomicFiles.write(draft.file(), draft.text().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
            Path written = draft.file();
            ReceiptVerification check = draft.check();
            spec.commandLine().getOut().println("Wrote " + written + (check.signed() ? " (signed by key " + check.keyId() + ")"
                    : " (unsigned)"));
            return check.valid() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "verify", description = "Check a receipt: mirrored body against its digest, the source when given, "
            + "the signature when present; with --chain, every receipt chain in DIR. Exit 0 valid, 1 not, 2 usage or I/O.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "X.mu", arity = "0..1", description = "The receipt.")
        Path receipt;

        @Option(names = "--source", paramLabel = "FILE", description = "Also check that this document is the receipt's source.")
        Path source;

        @Option(names = "--chain", paramLabel = "DIR", description = "Walk the receipt chains in DIR (only X.mu's document "
                + "when X.mu is given) and report the first broken link.")
        Path chain;

        @Option(names = "--trust", paramLabel = "PUB", description = "Also trust this public key file (repeatable).")
        List<Path> trust = new ArrayList<>();

        @Option(names = "--require-signature", description = "Fail for an unsigned receipt.")
        boolean requireSignature;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (receipt == null && chain == null) {
                err.println("maml: give a receipt X.mu, or --chain DIR");
                return ExitCodes.USAGE;
            }
            int code = ExitCodes.OK;
            String sourceId = null;
            Session session = Session.builder().trust(new TrustSettings(trust, true)).build();
            if (receipt != null) {
                ReceiptChecked checked = new Toolchain().receiptVerify(session.read(receipt),
                        source == null ? null : session.read(source), session);
                checked.trust().warnings().forEach(w -> err.println("maml: warning: " + w));
                ReceiptVerification v = checked.verification();
                sourceId = v.sourceId();
                code = report(receipt, v);
            }
            if (chain != null && code == ExitCodes.OK) {
                code = chains(sourceId);
            }
            return code;
        }

        private int report(Path file, ReceiptVerification v) {
            PrintWriter out = EscapingPrintWriter.stdout(spec);
            boolean ok = v.valid() && (v.signed() || !requireSignature);
            if (!ok) {
                out.println(file + ": invalid");
                for (ReceiptFinding f : v.findings()) {
                    if (f.fails() || requireSignature) {
                        out.println("  " + f.message());
                    }
                }
                return ExitCodes.FAILED;
            }
            out.println(file + ": valid (" + (v.signed() ? "signed by key " + v.keyId() + (v.trusted() ? ", trusted" : ", untrusted")
                    : "unsigned: the digest shows accidents, not forgery") + ")");
            return ExitCodes.OK;
        }

        private int chains(String onlySource) throws IOException {
            PrintWriter out = EscapingPrintWriter.stdout(spec);
            if (!Files.isDirectory(chain)) {
                spec.commandLine().getErr().println("maml: " + chain + ": not a directory");
                return ExitCodes.USAGE;
            }
            TrustStore store = TrustStore.standard(chain.toAbsolutePath().normalize(), trust);
            store.warnings().forEach(w -> spec.commandLine().getErr().println("maml: warning: " + w));
            int code = ExitCodes.OK;
            Map<String, List<ReceiptChain.Link>> all = ReceiptChain.read(chain);
            if (all.isEmpty()) {
                out.println(chain + ": no receipts");
                return ExitCodes.FAILED;
            }
            for (Map.Entry<String, List<ReceiptChain.Link>> e : all.entrySet()) {
                if (onlySource != null && !onlySource.equals(e.getKey())) {
                    continue;
                }
                ReceiptChain.Result r = ReceiptChain.verify(e.getValue(), store);
                if (r.intact()) {
                    out.println("chain " + e.getKey() + ": " + r.links().size() + " receipt(s), intact");
                } else {
                    out.println("chain " + e.getKey() + ": broken at " + r.broken().file() + ": " + r.reason());
                    code = ExitCodes.FAILED;
                }
            }
            return code;
        }
    }
}
