package dev.maml.run;

import dev.maml.io.FailureText;
import dev.maml.io.OutsideTreeException;
import dev.maml.io.RefusedFileException;
import dev.maml.quadaes.Keyring;
import dev.maml.quadaes.KeyringException;
import dev.maml.quadaes.QuadAes;
import dev.maml.quadaes.SealOptions;
import dev.maml.quadaes.SealResult;
import dev.maml.sign.Digests;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals the run's payload (`payload`, else `dataset`: a file, relative to the document) with quad
 * AES (spec 10.2) into {@code NAME.mqa} in the output directory, the QKD key mixed into the data key
 * derivation. The head keys live in the keyring named by `keyring`, else {@code NAME.mqa.keyring}
 * next to the container (created, mode 0600, when missing; reused when present). Paths the
 * document names stay inside the run's tree (spec 10.2a). Gives `ciphertext_sha3_256` (of the
 * container file) and `heads`.
 */
final class Seal {

    private Seal() {
    }

    /** The sealed container and its custody, for `ciphertext_sha3_256` and `heads`. */
    record Sealed(String ciphertextSha3, int threshold, Path container, Path keyring, String keyringId,
                  String dataKeyId, long plaintextBytes) implements ResultPart {
    }

    /** The parameter naming the payload: `payload`, else `dataset`. */
    static String payloadParameter(ObjectNode parameters) {
        return parameters.has("payload") ? "payload" : "dataset";
    }

    /** Whether the parameters name a payload to seal (otherwise there is no seal step). */
    static boolean wanted(ObjectNode parameters) {
        JsonNode value = parameters.path(payloadParameter(parameters));
        return !value.isNull() && !value.isMissingNode();
    }

    static Sealed run(RunContext ctx, ObjectNode parameters, byte[] qkdKey, SecureRandom random) throws RunFailure {
        Path payload = file(ctx, parameters, payloadParameter(parameters));
        if (!Files.isRegularFile(payload)) {
            throw new RunFailure(RunFailure.INVALID, "payload " + payload + ": "
                    + (Files.exists(payload) ? "not a regular file" : "no such file"));
        }
        Path keyringParameter = parameters.has("keyring") ? file(ctx, parameters, "keyring") : null;
        try {
            Path container = ctx.createdOutputDir().resolve(payload.getFileName() + ".mqa");
            Path keyringFile = keyringParameter != null ? keyringParameter
                    : container.resolveSibling(container.getFileName() + ".keyring");
            Keyring keyring = keyring(keyringFile, keyringParameter == null, random);
            // The digest of what this run wrote, not a read of the file after: concurrent runs of the
            // document (a server runs them side by side) write the same container name.
            MessageDigest written = Digests.sha3_256Digest();
            SealResult sealed = new QuadAes(random).seal(payload, container, keyring,
                    SealOptions.defaults().withExtraKeyMaterial(qkdKey), written);
            return new Sealed(HexFormat.of().formatHex(written.digest()), sealed.threshold(), container, keyringFile,
                    keyring.idHex(), sealed.keyId(), sealed.plaintextBytes());
        } catch (KeyringException | RefusedFileException e) {
            // a keyring we may not trust, or an output that is a link or device: refused (spec 10.2a)
            throw new RunFailure(RunFailure.REFUSED, FailureText.of(e));
        } catch (IOException e) {
            throw new RunFailure(RunFailure.FAILED, "sealing " + payload + " failed: " + FailureText.of(e));
        }
    }

    /**
     * A parameter naming a file, resolved against the document's directory and confined to the
     * run's tree (spec 10.2a): the document is hostile, and its paths must not reach other files.
     */
    private static Path file(RunContext ctx, ObjectNode parameters, String name) throws RunFailure {
        JsonNode value = parameters.get(name);
        if (!value.isString() || value.asString().isBlank()) {
            throw new RunFailure(RunFailure.INVALID, name + " must name a file, got " + value);
        }
        try {
            return ctx.tree().resolve(ctx.documentDir(), value.asString().strip(), name);
        } catch (OutsideTreeException e) {
            throw new RunFailure(RunFailure.REFUSED, e.getMessage());
        } catch (IOException e) {
            throw new RunFailure(RunFailure.INVALID, name + ": " + FailureText.of(e));
        }
    }

    /**
     * The keyring, created (0600) when missing; concurrent runs that find it missing all end up with
     * the one that was created first. The default one sits next to the container, where
     * the document's tree may have planted a link: it must be a file of its own, not a link.
     */
    static Keyring keyring(Path file, boolean byDefault, SecureRandom random) throws IOException {
        if (byDefault && Files.isSymbolicLink(file)) {
            throw new KeyringException(file + ": keyring is a symbolic link; a keyring next to the container"
                    + " must be a file of its own");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Keyring fresh = Keyring.generate(random);
            try {
                fresh.create(file);
                return fresh;
            } catch (FileAlreadyExistsException e) {
                // another run of the document (a server runs them side by side) created it first: use that one
            }
        }
        return Keyring.load(file);
    }
}
