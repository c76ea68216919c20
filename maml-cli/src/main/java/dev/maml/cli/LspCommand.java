package dev.maml.cli;

import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.actions.MlDsaDocumentSigner;
import dev.maml.lsp.completion.FrontMatterSchema;
import dev.maml.lsp.server.ServerLauncher;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "lsp", description = "Run the language server on stdio (or on a loopback TCP port).")
final class LspCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--socket", paramLabel = "PORT",
            description = "Listen on 127.0.0.1:PORT for one client instead of stdio (0: any free port, printed on stderr).")
    Integer port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port != null && (port < 0 || port > 65535)) {
            spec.commandLine().getErr().println("maml: --socket: " + port + " is not a port number");
            return ExitCodes.USAGE;
        }
        MamlLanguageService service = new MamlLanguageService(FrontMatterSchema.bundled(),
                Optional.of(new MlDsaDocumentSigner(Clock.systemUTC())), Clock.systemUTC());
        if (port == null) {
            // stdout carries the protocol only: anything else printing there would corrupt it.
            OutputStream protocol = new FileOutputStream(FileDescriptor.out);
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
            return ServerLauncher.serve(service, main.stdin(), protocol, System::exit);
        }
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            spec.commandLine().getErr().println("maml lsp: listening on 127.0.0.1:" + server.getLocalPort());
            spec.commandLine().getErr().flush();
            try (Socket client = server.accept()) {
                return ServerLauncher.serve(service, client.getInputStream(), client.getOutputStream(), System::exit);
            }
        }
    }
}
