package dev.maml.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The `maml` command. Subcommands are thin: parse arguments, call the library, print, pick the exit code. */
@Command(name = "maml", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reads, checks, signs and runs MAML documents (*.maml.md).",
        subcommands = {ParseCommand.class, KeygenCommand.class, SignCommand.class, VerifyCommand.class,
                ReceiptCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("maml: " + Failures.describe(e));
            if (main.debug) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"maml " + (v == null ? "(development build)" : v)};
        }
    }
}
