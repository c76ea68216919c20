package dev.maml.cli;

import dev.maml.io.AtomicFiles;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.SigningException;
import dev.maml.toolchain.Identity;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Signed;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sign", description = "Sign documents in place with ML-DSA (writes verification: and a [SIGN] History "
        + "entry). Each file is signed on its own; one that cannot be signed is left unchanged. Exit 0 all signed, "
        + "2 any not signed (usage, I/O, key or password problem).",
        footer = {"", "Examples:", "  maml sign drone.maml.md --key keys/alice.key",
                "  maml sign docs/*.maml.md --key keys/alice.key --trusted-comment \"release 1.4\"",
                "  MAML_KEY_PASSWORD=... maml sign drone.maml.md --key ci.key    # CI",
                "", "An encrypted key's password comes from MAML_KEY_PASSWORD, else the terminal",
                "(asked once, never echoed)."})
final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The documents to sign.")
    List<Path> files;

    @Option(names = "--key", paramLabel = "K", required = true,
            description = "The private key (PEM PKCS#8, mode 0600; encrypted or not).")
    Path key;

    @Option(names = "--public-key", paramLabel = "P",
            description = "Reference this public key file from the document (default: PREFIX.pub next to the key when it "
                    + "lies under the document's directory, else the key itself as base64:).")
    Path publicKey;

    @Option(names = "--trusted-comment", paramLabel = "TEXT",
            description = "A line the signature covers, written as verification.trusted_comment and shown by "
                    + "`maml verify` when the signature is valid and trusted. Without it, re-signing removes an old one.")
    String trustedComment;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = EscapingPrintWriter.stdout(spec);
        PrintWriter err = spec.commandLine().getErr();
        // The key (and its password) once, before any file: a wrong password stops here, with nothing changed.
        KeyFiles.readPrivate(key);
        Session session = Session.builder().identity(new Identity(key, publicKey)).build();
        Toolchain toolchain = new Toolchain();
        int code = ExitCodes.OK;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println("maml: " + Failures.notAFile(file));
                code = ExitCodes.USAGE;
                continue;
            }
            try {
                Signed signed = toolchain.sign(session.read(file), session, trustedComment);
                AtomicFiles.write(file, signed.text());
                out.println("Signed " + file + " with key " + signed.keyId());
            } catch (SigningException | IOException e) {
                out.flush();
                String message = Failures.describe(e);
                err.println("maml: " + (message.startsWith(file.toString()) ? message : file + ": " + message));
                code = ExitCodes.USAGE;
            }
        }
        return code;
    }
}
