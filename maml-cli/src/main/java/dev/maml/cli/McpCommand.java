package dev.maml.cli;

import dev.maml.run.Identity;
import dev.maml.server.mcp.McpConfig;
import dev.maml.server.mcp.McpServers;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "mcp", description = {"Serve the toolchain over the Model Context Protocol on stdio (spec 11.2): the tools "
        + "lint, fix, format, parse, verify, sign (with --key), receipt_create, receipt_verify and run; the rule pages "
        + "and the front-matter schema as resources.",
        "Standard output carries protocol messages only; messages go to stderr. Exit 0 when standard input ends, "
                + "2 for a bad option."})
final class McpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--workflows", paramLabel = "DIR",
            description = "The directory tools read documents from by 'path' (nothing outside it is read by path).")
    Path workflows;

    @Option(names = "--as", paramLabel = "ID", defaultValue = "agent://local",
            description = "The identity the client acts as, for permissions (agent://NAME or gateway://NAME; default ${DEFAULT-VALUE}).")
    String as;

    @Option(names = "--key", paramLabel = "K", description = "ML-DSA private key of the server: enables the sign tool, "
            + "signs receipts and run results. It never travels over MCP.")
    Path key;

    @Option(names = "--trust", paramLabel = "PUB", description = "Also trust this public key (repeatable); the server "
            + "trusts the user's store and these keys, never a project store.")
    List<Path> trust = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter err = spec.commandLine().getErr();
        Identity caller = Identity.parse(as).filter(id -> !id.isWildcard()).orElse(null);
        if (caller == null) {
            err.println("maml: --as takes agent://NAME or gateway://NAME, got '" + as + "'");
            return ExitCodes.USAGE;
        }
        McpConfig config;
        try {
            config = McpConfig.of(workflows, key, trust);
        } catch (IllegalArgumentException e) {
            e.getMessage().lines().forEach(line -> err.println("maml: " + line));
            return ExitCodes.USAGE;
        }
        // stdout carries the protocol only: whatever else prints there (a library, a stray println) goes to stderr.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        CountDownLatch ended = new CountDownLatch(1);
        try (McpServers servers = new McpServers(config, main::pipeline)) {
            servers.stdio(main.stdin(), protocol, caller, ended::countDown);
            ended.await();
        }
        return ExitCodes.OK;
    }
}
