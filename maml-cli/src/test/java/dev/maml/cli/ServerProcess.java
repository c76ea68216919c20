package dev.maml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts `maml lsp` in a fresh JVM with this test run's class path. */
final class ServerProcess {

    private ServerProcess() {
    }

    static List<String> command(String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("lsp");
        return cmd;
    }
}
