package dev.maml.cli;

import dev.maml.sign.Algorithm;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.KeyId;
import dev.maml.sign.KeyPasswords;
import dev.maml.sign.MlDsa;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keygen", description = "Create an ML-DSA key pair: PREFIX.pub (share it) and PREFIX.key (mode 0600, keep it secret).",
        footer = {"", "Examples:", "  maml keygen --out keys/alice",
                "  maml keygen --out keys/alice --password    # asks twice, never echoed",
                "  MAML_KEY_PASSWORD=... maml keygen --out ci --password    # CI",
                "", "sign, run --key and receipt create --key ask an encrypted key's password:",
                "MAML_KEY_PASSWORD first, then the terminal."})
final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "ML-DSA-65",
            description = "ML-DSA-44, ML-DSA-65 (default) or ML-DSA-87.")
    String algorithm;

    @Option(names = "--out", paramLabel = "PREFIX", required = true, description = "Where to write PREFIX.pub and PREFIX.key.")
    String prefix;

    @Option(names = "--force", description = "Overwrite existing key files.")
    boolean force;

    @Option(names = "--password", description = "Encrypt PREFIX.key with a password (PKCS#8, scrypt and AES-256-CBC): "
            + "from " + KeyPasswords.VARIABLE + ", else typed twice on the terminal.")
    boolean password;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Algorithm> alg = Algorithm.resolve(algorithm);
        if (alg.isEmpty()) {
            err.println("maml: unknown algorithm '" + algorithm + "' (use ML-DSA-44, ML-DSA-65 or ML-DSA-87)");
            return ExitCodes.USAGE;
        }
        for (String ext : new String[] {".pub", ".key"}) {
            if (!force && Files.exists(Path.of(prefix + ext))) {
                err.println("maml: " + prefix + ext + " already exists (use --force to overwrite it)");
                return ExitCodes.USAGE;
            }
        }
        char[] secret = password ? KeyPasswords.standard().newPassword() : null;
        KeyPair pair = MlDsa.generate(alg.get(), new SecureRandom());
        Path[] files;
        try {
            files = KeyFiles.write(pair, prefix, secret, new SecureRandom());
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
        PrintWriter out = EscapingPrintWriter.stdout(spec);
        out.println("Public key:  " + files[0]);
        out.println("Private key: " + files[1] + " (mode 0600" + (password ? ", encrypted" : "") + "; keep it secret)");
        out.println("Key id:      " + KeyId.of(pair.getPublic()) + " (" + alg.get() + ")");
        return ExitCodes.OK;
    }
}
