package dev.maml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts `maml lsp` (or another `maml` server command) in a fresh JVM with this test run's class path. */
final class ServerProcess {

    private ServerProcess() {
    }

    static List<String> command(String... jvmOptions) {
        return maml(List.of(jvmOptions), "lsp");
    }

    /** {@code maml ARGS…} in a fresh JVM started with {@code jvmOptions}. */
    static List<String> maml(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
