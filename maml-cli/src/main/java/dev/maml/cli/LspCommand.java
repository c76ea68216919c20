package dev.maml.cli;

import dev.maml.lsp.MamlLanguageService;
import dev.maml.lsp.actions.ToolchainSigner;
import dev.maml.lsp.completion.FrontMatterSchema;
import dev.maml.lsp.server.ServerLauncher;
import dev.maml.lsp.transport.Connection;
import dev.maml.lsp.transport.LoopbackListener;
import dev.maml.lsp.transport.SessionSecret;
import dev.maml.lsp.transport.UnixSocket;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "lsp", description = "Run the language server on stdio (or on a loopback TCP port or a Unix socket).")
final class LspCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--socket", paramLabel = "PORT",
            description = "Listen on 127.0.0.1:PORT for one client instead of stdio (0: any free port, printed on stderr);"
                    + " the client must send the session secret as initializationOptions.token.")
    Integer port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "With --socket: write the session secret to FILE (created 0600; must not exist)."
                    + " Default: a new private temporary directory, named on stderr.")
    Path tokenFile;

    @Option(names = "--pipe", paramLabel = "PATH",
            description = "Use the Unix socket PATH instead of stdio: created 0600 when absent (in a directory only you"
                    + " can write), connected to when it is your socket (vscode-languageclient's TransportKind.pipe).")
    Path pipe;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        String usage = usageProblem();
        if (usage != null) {
            err.println("maml: " + usage);
            return ExitCodes.USAGE;
        }
        MamlLanguageService service = new MamlLanguageService(FrontMatterSchema.bundled(),
                Optional.of(new ToolchainSigner()), Clock.systemUTC());
        if (port == null && pipe == null) {
            // stdout carries the protocol only: anything else printing there would corrupt it.
            OutputStream protocol = new FileOutputStream(FileDescriptor.out);
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
            return ServerLauncher.serve(service, main.stdin(), protocol, System::exit);
        }
        try (Connection client = pipe != null ? UnixSocket.open(pipe, line(err)) : loopbackClient(err)) {
            return ServerLauncher.serve(service, client.in(), client.out(), System::exit);
        } catch (IOException e) {
            err.println("maml: lsp: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private String usageProblem() {
        if (port != null && pipe != null) {
            return "--socket and --pipe exclude each other";
        }
        if (tokenFile != null && port == null) {
            return "--token-file goes with --socket";
        }
        if (port != null && (port < 0 || port > 65535)) {
            return "--socket: " + port + " is not a port number";
        }
        return null;
    }

    private Connection loopbackClient(PrintWriter err) throws IOException {
        SessionSecret secret = SessionSecret.random();
        Path token = tokenFile != null ? tokenFile : privateDirectory().resolve("token");
        try {
            secret.writeNew(token);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(token + ": already exists; the session secret goes to a new file only");
        } catch (NoSuchFileException e) {
            throw new IOException(token + ": no such directory");
        }
        token.toFile().deleteOnExit();
        LoopbackListener listener = new LoopbackListener(port, secret);
        err.println("maml lsp: listening on 127.0.0.1:" + listener.port() + "; session secret in " + token);
        err.flush();
        try (listener) {
            return listener.accept(line(err));
        }
    }

    private static Consumer<String> line(PrintWriter err) {
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** Readable by its owner only, so the secret inside is too; removed when the server exits. */
    private static Path privateDirectory() throws IOException {
        Path dir = Files.createTempDirectory("maml-lsp-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        dir.toFile().deleteOnExit();
        return dir;
    }
}
