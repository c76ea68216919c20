package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command at every depth answers {@code --help} and {@code -h} with its usage and exit 0. */
class HelpOptionsTest {

    /** The command paths of the tree, read from the picocli model of the whole tree. */
    static List<List<String>> paths(CommandLine command, List<String> prefix) {
        List<List<String>> all = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommand() instanceof CommandLine.HelpCommand || !name.equals(sub.getCommandName())) {
                return; // `maml help` is help itself; aliases name the same command
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            all.add(path);
            all.addAll(paths(sub, path));
        });
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everySubcommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>(List.of(List.of())); // `maml --help` itself
        paths.addAll(paths(Main.commandLine(new Main()), List.of()));
        assertTrue(paths.size() >= 20, "the command tree: " + paths);
        return paths.stream().flatMap(path -> Stream.of("--help", "-h").map(flag -> DynamicTest.dynamicTest(
                String.join(" ", List.of("maml", String.join(" ", path), flag)).replace("  ", " "), () -> {
                    List<String> args = new ArrayList<>(path);
                    args.add(flag);
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
                    assertEquals(0, code, err.toString());
                    assertTrue(out.toString().startsWith(("Usage: maml " + String.join(" ", path)).strip()), out.toString());
                })));
    }

    /**
     * A command line that names a subcommand gets a tree of that one subcommand (the start of every
     * command is shorter, issue 15): its usage, options (the inherited --debug too) and nested
     * subcommands must be exactly the whole tree's.
     */
    @TestFactory
    Stream<DynamicTest> theOneCommandTreeIsTheWholeTreesBranch() {
        CommandLine whole = Main.commandLine(new Main());
        return paths(whole, List.of()).stream().map(path -> DynamicTest.dynamicTest("maml " + String.join(" ", path), () -> {
            String[] args = {"--debug", path.get(0)};
            CommandLine one = Main.commandLine(new Main(), args);
            assertEquals(List.of(path.get(0)), List.copyOf(one.getSubcommands().keySet()));
            assertEquals(usage(whole, path), usage(one, path));
            assertTrue(usage(one, path).contains("--debug"), usage(one, path));
        }));
    }

    /** Anything but a subcommand's name (after maml's own options) gets the whole tree: help, errors, suggestions. */
    @TestFactory
    Stream<DynamicTest> otherCommandLinesGetTheWholeTree() {
        int all = Main.commandLine(new Main()).getSubcommands().size();
        return Stream.of("", "--help", "-V", "--debug", "help lint", "lnit", "--debgu lint", "-- lint", "--debug --help")
                .map(line -> DynamicTest.dynamicTest("maml " + line, () -> {
                    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
                    assertEquals(all, Main.commandLine(new Main(), args).getSubcommands().size());
                }));
    }

    /** An unknown command is told what it may have meant, as before the one-command tree. */
    @Test
    void aMisspeltCommandIsStillCorrected() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "lnit", "x.maml.md");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("lint"), err.toString());
    }

    private static String usage(CommandLine root, List<String> path) {
        CommandLine command = root;
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
