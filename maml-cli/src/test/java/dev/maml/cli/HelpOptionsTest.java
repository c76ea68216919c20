package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command at every depth answers {@code --help} and {@code -h} with its usage and exit 0. */
class HelpOptionsTest {

    /** The command paths of the tree, read from the annotations (not from the code under test). */
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
        paths.addAll(paths(new CommandLine(new Main()), List.of()));
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
}
