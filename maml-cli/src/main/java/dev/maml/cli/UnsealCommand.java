package dev.maml.cli;

import dev.maml.quadaes.ContainerException;
import dev.maml.quadaes.Keyring;
import dev.maml.quadaes.QuadAes;
import dev.maml.quadaes.UnsealResult;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "unseal", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Decrypt a quad-aes-256-gcm container; the output appears only once every chunk authenticated.")
final class UnsealCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.mqa", description = "The container.")
    Path container;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the payload.")
    Path out;

    @Option(names = "--keyring", required = true, paramLabel = "K", description = "Head keyring.")
    Path keyring;

    @Override
    public Integer call() throws IOException {
        Keyring heads = Keyring.load(keyring);
        UnsealResult result;
        try {
            result = new QuadAes(new SecureRandom()).unseal(container, out, heads);
        } catch (ContainerException e) {
            return HeadAdvice.failed(spec.commandLine().getErr(), e);
        }
        HeadAdvice.warnUnhealthy(spec.commandLine().getErr(), container, result.heads(), keyring);
        EscapingPrintWriter.stdout(spec).println("unsealed " + container + " -> " + out + " (" + result.plaintextBytes()
                + " bytes, " + result.heads().healthyCount() + " of " + Keyring.HEADS + " heads ok)");
        return ExitCodes.OK;
    }
}
