package dev.maml.cli;

import dev.maml.quadaes.ContainerException;
import dev.maml.quadaes.HeadStatus;
import dev.maml.quadaes.HeadsReport;
import dev.maml.quadaes.Keyring;
import dev.maml.quadaes.QuadAes;
import dev.maml.quadaes.RotationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "heads", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Manage the four head keys of quad-aes-256-gcm containers.",
        subcommands = {HeadsCommand.Init.class, HeadsCommand.Rotate.class, HeadsCommand.Check.class})
final class HeadsCommand {

    @Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
                description = "Create a head keyring: four random 256-bit head keys, mode 0600.")
    static final class Init implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--keyring", required = true, paramLabel = "K", description = "The keyring file to create (never overwritten).")
        Path keyring;

        @Override
        public Integer call() throws IOException {
            Keyring created = Keyring.generate(new SecureRandom());
            created.create(keyring);
            spec.commandLine().getOut().println("created keyring " + keyring + " (id " + created.idHex()
                    + ", " + Keyring.HEADS + " heads at epoch 1, mode 0600); keep it apart from the containers");
            return ExitCodes.OK;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
                description = "Regenerate one head: new head key (epoch + 1), fresh split of the same data key, all shares re-wrapped; the payload is not touched.")
    static final class Rotate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.mqa", description = "The container.")
        Path container;

        @Option(names = "--head", required = true, paramLabel = "I", description = "The head to regenerate, 1..4.")
        int head;

        @Option(names = "--keyring", required = true, paramLabel = "K", description = "Head keyring (updated in place).")
        Path keyring;

        @Override
        public Integer call() throws IOException {
            if (head < 1 || head > Keyring.HEADS) {
                spec.commandLine().getErr().println("maml: --head must be 1.." + Keyring.HEADS + ", not " + head);
                return ExitCodes.USAGE;
            }
            RotationResult r;
            try {
                r = new QuadAes(new SecureRandom()).rotate(container, head, keyring);
            } catch (ContainerException e) {
                return HeadAdvice.failed(spec.commandLine().getErr(), e);
            }
            spec.commandLine().getOut().println("rotated head " + head + " of " + container + ": epoch " + r.oldEpoch()
                    + " -> " + r.newEpoch() + (r.freshKey() ? " (new head key saved in " + keyring + ")"
                    : " (the keyring's newer key for this head was reused)")
                    + "; all " + Keyring.HEADS + " shares re-wrapped, generation " + r.generation());
            if (r.freshKey()) {
                spec.commandLine().getOut().println("other containers sealed with " + keyring + " now report head " + head
                        + " as stale until rotated the same way");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
                description = "Report each head of a container (exit 1 when any needs regeneration).")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.mqa", description = "The container.")
        Path container;

        @Option(names = "--keyring", required = true, paramLabel = "K", description = "Head keyring.")
        Path keyring;

        @Override
        public Integer call() throws IOException {
            HeadsReport report;
            try {
                report = new QuadAes(new SecureRandom()).check(container, Keyring.load(keyring));
            } catch (ContainerException e) {
                return HeadAdvice.failed(spec.commandLine().getErr(), e);
            }
            PrintWriter out = EscapingPrintWriter.stdout(spec);
            out.println(container + ": " + report.threshold() + " of " + Keyring.HEADS + " heads needed, generation "
                    + report.generation());
            for (HeadStatus h : report.heads()) {
                out.println("  " + h.describe() + (h.healthy() ? "" : "; " + HeadAdvice.rotateHint(container, h, keyring)));
            }
            out.println(report.healthyCount() + " of " + Keyring.HEADS + " heads ok: "
                    + (report.recoverable() ? "payload recoverable" : "payload NOT recoverable with this keyring"));
            return report.unhealthy().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
