package dev.maml.cli;

import dev.maml.sign.KeyFileException;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.trust.AllowedStores;
import dev.maml.trust.ProjectStores;
import dev.maml.trust.StoreSnapshot;
import dev.maml.trust.UserConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `maml trust allow|list|revoke`: which project trust stores ({@code .maml/trusted_keys/}) the user
 * trusts, recorded with the digest of their contents in the user's configuration (spec section 8).
 */
@Command(name = "trust", description = "Allow, list and revoke project trust stores (.maml/trusted_keys/). A project "
        + "store counts only after you allowed it, and only while its contents are the ones you allowed.",
        subcommands = {TrustCommand.Allow.class, TrustCommand.ListStores.class, TrustCommand.Revoke.class})
final class TrustCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("maml: trust needs a subcommand: allow, list or revoke");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "allow", description = "Trust the keys of DIR/.maml/trusted_keys/ (or of DIR when it is such a store) "
            + "as they are now. Review them first: every key in it may then sign documents you run. Exit 0 allowed, "
            + "1 the contents differ from --digest, 2 no store or I/O error.")
    static final class Allow implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The project directory (default: the current one).")
        Path dir = Path.of(".");

        @Option(names = "--digest", paramLabel = "D", description = "Allow only if the store's digest is D "
                + "(sha3-256:…, as printed by allow and list): for CI, which pins the store it reviewed.")
        String digest;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = EscapingPrintWriter.stdout(spec);
            PrintWriter err = spec.commandLine().getErr();
            Optional<Path> store = ProjectStores.named(dir);
            if (store.isEmpty()) {
                err.println("maml: " + dir + ": no project trust store (.maml/trusted_keys/ as a real "
                        + "directory, not a symbolic link)");
                return ExitCodes.USAGE;
            }
            StoreSnapshot snapshot = StoreSnapshot.read(store.get());
            if (digest != null && !digest.equals(snapshot.digest())) {
                err.println("maml: " + store.get() + ": contents are " + snapshot.digest() + ", not " + digest
                        + "; not allowed");
                return ExitCodes.FAILED;
            }
            snapshot.skipped().forEach(s -> err.println("maml: warning: " + s + "; skipped"));
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, byte[]> file : snapshot.keyFiles().entrySet()) {
                try {
                    keys.add(KeyId.of(KeyFiles.readPublic(file.getValue(), file.getKey())) + " (" + file.getKey() + ")");
                } catch (KeyFileException e) {
                    err.println("maml: warning: " + e.getMessage() + "; not a key, skipped");
                }
            }
            AllowedStores.load(UserConfig.fromEnvironment()).allow(snapshot);
            out.println("Allowed " + store.get() + ": " + keys.size() + " key(s)"
                    + (keys.isEmpty() ? "" : ": " + String.join(", ", keys)) + "; " + snapshot.digest());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List the allowed project trust stores: allowed (contents as allowed), changed "
            + "(ignored until allowed again) or missing.")
    static final class ListStores implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = EscapingPrintWriter.stdout(spec);
            AllowedStores allowed = AllowedStores.load(UserConfig.fromEnvironment());
            for (Map.Entry<Path, String> e : allowed.all().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                out.println(state(e.getKey(), e.getValue()) + "  " + e.getKey() + "  " + e.getValue());
            }
            return ExitCodes.OK;
        }

        private static String state(Path store, String digest) {
            if (!Files.isDirectory(store)) {
                return "missing";
            }
            try {
                return StoreSnapshot.read(store).digest().equals(digest) ? "allowed" : "changed";
            } catch (IOException e) {
                return "unreadable";
            }
        }
    }

    @Command(name = "revoke", description = "Forget an allowed project trust store (DIR as given to allow, or the store "
            + "itself). Exit 0 revoked, 1 it was not allowed.")
    static final class Revoke implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The project directory or its store.")
        Path dir;

        @Override
        public Integer call() throws IOException {
            AllowedStores allowed = AllowedStores.load(UserConfig.fromEnvironment());
            for (Path name : ProjectStores.recordNames(dir)) {
                if (allowed.revoke(name)) {
                    EscapingPrintWriter.stdout(spec).println("Revoked " + name);
                    return ExitCodes.OK;
                }
            }
            spec.commandLine().getErr().println("maml: " + dir + ": no allowed project trust store here; "
                    + "see maml trust list");
            return ExitCodes.FAILED;
        }
    }
}
