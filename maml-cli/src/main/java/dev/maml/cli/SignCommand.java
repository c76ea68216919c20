package dev.maml.cli;

import dev.maml.io.AtomicFiles;
import dev.maml.sign.SigningException;
import dev.maml.toolchain.Identity;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Signed;
import dev.maml.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sign", description = "Sign a document in place with ML-DSA (writes verification: and a [SIGN] History entry).")
final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The document to sign.")
    Path file;

    @Option(names = "--key", paramLabel = "K", required = true, description = "The private key (PEM PKCS#8, mode 0600).")
    Path key;

    @Option(names = "--public-key", paramLabel = "P",
            description = "Reference this public key file from the document (default: PREFIX.pub next to the key when it "
                    + "lies under the document's directory, else the key itself as base64:).")
    Path publicKey;

    @Override
    public Integer call() throws IOException, SigningException {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("maml: " + Failures.notAFile(file));
            return ExitCodes.USAGE;
        }
        Session session = Session.builder().identity(new Identity(key, publicKey)).build();
        Signed signed = new Toolchain().sign(session.read(file), session);
        AtomicFiles.write(file, signed.text());
        EscapingPrintWriter.stdout(spec).println("Signed " + file + " with key " + signed.keyId());
        return ExitCodes.OK;
    }
}
