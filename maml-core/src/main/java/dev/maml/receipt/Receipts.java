package dev.maml.receipt;

import dev.maml.io.AtomicFiles;
import dev.maml.io.InputFiles;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.Digests;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.PublicKeyRef;
import dev.maml.sign.StrictUtf8;
import dev.maml.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;

/**
 * Creates receipt files: reads the source, finds the previous receipt of the same document in the
 * output directory (the chain), writes the new one atomically. The run pipeline passes a
 * {@link RunRecord}; {@code maml receipt create} passes none.
 */
public final class Receipts {

    private Receipts() {
    }

    /**
     * @param out          the receipt to write, or null for the default name next to the source
     *                     ({@code NAME.mu}, or {@code NAME.2.mu}, {@code NAME.3.mu}… when taken)
     * @param keyFile      the signing key, or null for an unsigned receipt
     * @param publicKeyRef signer.public_key to write; null: a sibling PREFIX.pub of the key inside the
     *                     receipt's directory tree when there is one, else base64
     * @return the receipt's path
     */
    public static Path create(Path source, Path out, RunRecord run, Path keyFile, String publicKeyRef, Instant now,
                              SecureRandom random) throws IOException {
        String text = strictUtf8(InputFiles.read(source), source);
        Draft draft = draft(text, source, out, run, keyFile, publicKeyRef, now, random);
        AtomicFiles.write(draft.file(), draft.text().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
        return draft.file();
    }

    /** A receipt's text and the file it belongs in, not yet written. */
    public record Draft(Path file, String text) {
    }

    /**
     * The receipt {@link #create} would write, for {@code text} as the content of {@code source} (an
     * editor's buffer may differ from the file on disk): the chain is still read from disk.
     */
    public static Draft draft(String text, Path source, Path out, RunRecord run, Path keyFile, String publicKeyRef,
                              Instant now, SecureRandom random) throws IOException {
        MamlDocument doc = DocumentParser.parse(text);
        String sourceId = doc.optionalFrontMatter().flatMap(f -> f.mapping()).flatMap(m -> m.scalar("id"))
                .map(YamlScalar::value).orElse(null);
        Path target = out != null ? out : defaultName(source);
        Path dir = target.toAbsolutePath().normalize().getParent();
        ReceiptChain.Link head = ReceiptChain.head(dir, sourceId != null ? sourceId : source.getFileName().toString());
        String prev = head == null ? null : head.sha3();
        if (head != null && head.file().toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            prev = head.prev(); // replacing the newest receipt: the new one follows what it followed
        }
        PrivateKey key = keyFile == null ? null : KeyFiles.readPrivate(keyFile);
        String ref = publicKeyRef;
        if (key != null && ref == null) {
            PublicKey pub = KeyFiles.publicOf(key);
            ref = Objects.requireNonNullElseGet(PublicKeyRef.siblingOf(keyFile, pub, dir), () -> PublicKeyRef.base64(pub));
        }
        Receipt receipt = new Receipt(source.getFileName().toString(), sourceId,
                Digests.sha3_256Hex(text.getBytes(StandardCharsets.UTF_8)), now, run, prev);
        try {
            return new Draft(target, ReceiptWriter.write(receipt, text, key, ref, random));
        } catch (GeneralSecurityException e) {
            throw new IOException("ML-DSA signing failed: " + e.getMessage(), e);
        }
    }

    static Path defaultName(Path source) {
        Path parent = source.getParent();
        return nextName(source, parent == null ? Path.of("") : parent);
    }

    /** The next free chain name for {@code source}'s receipts in {@code dir}: NAME.mu, NAME.2.mu, NAME.3.mu… */
    public static Path nextName(Path source, Path dir) {
        String name = source.getFileName().toString();
        for (String ext : new String[] {".maml.md", ".maml.markdown", ".md"}) {
            if (name.endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        Path candidate = dir.resolve(name + ".mu");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(name + "." + n + ".mu");
        }
        return candidate;
    }

    /** The mirror works on text; bytes that are not UTF-8 could not be mirrored back exactly. */
    private static String strictUtf8(byte[] bytes, Path source) throws IOException {
        try {
            return StrictUtf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new IOException(source + ": not valid UTF-8; a receipt mirrors text");
        }
    }
}
