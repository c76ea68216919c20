package dev.maml.cli;

import dev.maml.run.Pipeline;
import dev.maml.toolchain.Build;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The `maml` command. Subcommands are thin: parse arguments, call the library, print, pick the exit code. */
@Command(name = "maml", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reads, checks, signs and runs MAML documents (*.maml.md).")
public final class Main {

    /**
     * The subcommands, in the order `maml --help` lists them. Not in the annotation: picocli builds
     * the model of every annotated subcommand by reflection before parsing, which was most of the
     * start of a one-file `maml lint` (issue 15); {@link #commandLine} builds only the one invoked.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(ParseCommand.class, LintCommand.class, HookCommand.class,
            KeygenCommand.class, SignCommand.class, VerifyCommand.class, ReceiptCommand.class, FmtCommand.class,
            RunCommand.class, RunBatchCommand.class, SealCommand.class, UnsealCommand.class, HeadsCommand.class,
            TrustCommand.class, LspCommand.class, ServeCommand.class, McpCommand.class, RulesCommand.class,
            CommandLine.HelpCommand.class);
    /** The options of {@code maml} itself, which may stand before the subcommand's name; none takes a value. */
    private static final Set<String> OWN_OPTIONS = Set.of("--debug", "-h", "--help", "-V", "--version");

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error (exit 70); with lint --cache, how many files came from the cache.")
    boolean debug;

    private InputStream stdin = System.in;
    private Supplier<Pipeline> pipelines = Pipeline::new;

    public static void main(String[] args) {
        // UTF-8 whatever the locale: documents are UTF-8, and `lint --fix --stdin` prints one back.
        System.exit(run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** Runs the command line with the given standard input too (for `--stdin`). */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return run(Pipeline::new, in, out, err, args);
    }

    /** Runs the command line with the run pipeline {@code pipelines} makes (a test injects a failing one). */
    static int run(Supplier<Pipeline> pipelines, InputStream in, PrintWriter out, PrintWriter err, String... args) {
        Main main = new Main();
        main.stdin = in;
        main.pipelines = pipelines;
        CommandLine cli = commandLine(main, args);
        cli.setOut(out);
        cli.setErr(new EscapingPrintWriter(StdoutFirstWriter.stderr(out, err)));
        // Standard error escapes control characters, so picocli's colours would show as \x1B[…m.
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean userError = Failures.isUserError(e);
            commandLine.getErr().println("maml: " + (userError ? Failures.describe(e) : Failures.internal(e)));
            main.debugTrace(e, commandLine.getErr());
            return userError ? ExitCodes.USAGE : ExitCodes.INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        cli.getErr().flush();
        return code;
    }

    /**
     * The command tree for {@code args}: when they name a subcommand (after only maml's own options),
     * the root with that one subcommand, which parses and runs them exactly as the whole tree would;
     * otherwise ({@code maml --help}, {@code maml help lint}, no command, a misspelt one, anything
     * unusual) the whole tree, so usage, help and "did you mean" are those of the full tree.
     */
    static CommandLine commandLine(Main main, String... args) {
        CommandLine cli = new CommandLine(main);
        Class<?> invoked = invoked(args);
        for (Class<?> sub : SUBCOMMANDS) {
            if (invoked == null || sub == invoked) {
                cli.addSubcommand(sub);
            }
        }
        withHelpOptions(cli);
        return cli;
    }

    /** The subcommand {@code args} name, or null when the whole tree is needed (see {@link #commandLine}). */
    private static @Nullable Class<?> invoked(String... args) {
        for (String arg : args) {
            if (OWN_OPTIONS.contains(arg)) {
                continue;
            }
            if (arg.startsWith("-")) {
                return null;
            }
            for (Class<?> sub : SUBCOMMANDS) {
                if (sub != CommandLine.HelpCommand.class && arg.equals(sub.getAnnotation(Command.class).name())) {
                    return sub;
                }
            }
            return null;
        }
        return null;
    }

    /**
     * {@code -h/--help} and {@code -V/--version} on every subcommand at every depth, as users of git,
     * cargo or ruff expect ({@code maml lint --help}, {@code maml trust allow -h}), without repeating
     * the annotation on each command class.
     */
    private static void withHelpOptions(CommandLine command) {
        command.getSubcommands().values().forEach(sub -> {
            if (!sub.getCommandSpec().mixinStandardHelpOptions() && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true).versionProvider(new Version());
            }
            withHelpOptions(sub);
        });
    }

    InputStream stdin() {
        return stdin;
    }

    Pipeline pipeline() {
        return pipelines.get();
    }

    /** With --debug, the stack trace of an unexpected error; nothing otherwise. */
    void debugTrace(Throwable e, PrintWriter err) {
        if (debug) {
            e.printStackTrace(err);
        }
    }


    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"maml " + Build.version()};
        }
    }
}
