package dev.maml.cli;

import dev.maml.quadaes.Keyring;
import dev.maml.quadaes.QuadAes;
import dev.maml.quadaes.SealOptions;
import dev.maml.quadaes.SealResult;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "seal", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Encrypt a file into a quad-aes-256-gcm container (spec 10.2, docs/quad-aes.md).")
final class SealCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The file to encrypt.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE.mqa", description = "The container to write.")
    Path out;

    @Option(names = "--keyring", required = true, paramLabel = "K", description = "Head keyring (maml heads init).")
    Path keyring;

    @Option(names = "--threshold", paramLabel = "N", defaultValue = "3",
            description = "Heads needed to unseal, 2..4 (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Override
    public Integer call() throws IOException {
        if (threshold < 2 || threshold > Keyring.HEADS) {
            spec.commandLine().getErr().println("maml: --threshold must be 2.." + Keyring.HEADS + ", not " + threshold);
            return ExitCodes.USAGE;
        }
        SealResult result = new QuadAes(new SecureRandom()).seal(in, out, Keyring.load(keyring),
                SealOptions.defaults().withThreshold(threshold));
        EscapingPrintWriter.stdout(spec).println("sealed " + in + " -> " + out + " (" + result.plaintextBytes()
                + " bytes, key " + result.keyId() + ", " + result.threshold() + " of " + Keyring.HEADS + " heads needed)");
        return ExitCodes.OK;
    }
}
