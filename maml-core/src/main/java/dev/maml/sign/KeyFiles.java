package dev.maml.sign;

import dev.maml.io.AtomicFiles;
import dev.maml.io.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes ML-DSA keys as PEM: public keys as SubjectPublicKeyInfo ("PUBLIC KEY"), private
 * keys as PKCS#8 ("PRIVATE KEY") or, with a password, encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY",
 * {@link EncryptedKeys}). Private key files are created owner-only (0600) and, like ssh, refused
 * when group or others may read them. Messages name the file and the problem, never the key.
 * Every private key the tools load goes through {@link #readPrivate(Path)}.
 */
public final class KeyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Map<String, String> OTHER_KEY_TYPES = Map.of(
            "1.2.840.113549.1.1.1", "an RSA key",
            "1.2.840.10045.2.1", "an EC key",
            "1.3.101.112", "an Ed25519 key",
            "1.3.101.113", "an Ed448 key");

    /**
     * Encrypted keys this process has opened through {@link #readPrivate(Path)}. Deriving the key
     * from the password (scrypt, 16 MiB) costs tens of milliseconds, and a key is read at every use:
     * per file of `maml sign a b c`, twice per `maml run --key` (result and receipt), twice per run of
     * a server. The password itself is kept per process already ({@link KeyPasswords}); the key it
     * opens is no more secret than that.
     */
    private static final Map<Path, Opened> OPENED = new ConcurrentHashMap<>();

    /** An encrypted key as opened: the sealed DER it was read from, and the key. */
    record Opened(byte[] sealed, PrivateKey key) {
    }

    /** ML-DSA-87 private keys in PEM are under 7 KB; anything this large is not a key. */
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

    private KeyFiles() {
    }

    /** Writes PREFIX.pub (0644) and PREFIX.key (0600); returns their paths (public first). */
    public static Path[] write(KeyPair pair, String prefix) throws IOException {
        return write(pair, prefix, null, null);
    }

    /**
     * As {@link #write(KeyPair, String)}, the private key encrypted under {@code password} (scrypt,
     * AES-256-CBC) unless it is null.
     */
    public static Path[] write(KeyPair pair, String prefix, char[] password, SecureRandom random) throws IOException {
        Path pub = Path.of(prefix + ".pub");
        Path key = Path.of(prefix + ".key");
        Path dir = pub.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new KeyFileException(dir + ": no such directory");
        }
        AtomicFiles.write(pub, encodePublic(pair.getPublic()).getBytes(StandardCharsets.US_ASCII), WORLD_READABLE);
        String pem = password == null ? Pem.encode(Pem.PRIVATE_KEY, pair.getPrivate().getEncoded())
                : Pem.encode(Pem.ENCRYPTED_PRIVATE_KEY, EncryptedKeys.encrypt(pair.getPrivate().getEncoded(), password, random));
        AtomicFiles.write(key, pem.getBytes(StandardCharsets.US_ASCII), OWNER_ONLY);
        return new Path[] {pub, key};
    }

    public static String encodePublic(PublicKey key) {
        return Pem.encode(Pem.PUBLIC_KEY, key.getEncoded());
    }

    public static PublicKey readPublic(Path file) throws IOException {
        return publicOf(block(file), file.toString());
    }

    /** A public key from the bytes of a PEM file already read (a trust store's snapshot); {@code source} names it. */
    public static PublicKey readPublic(byte[] pem, String source) throws KeyFileException {
        return publicOf(block(pem, source), source);
    }

    private static PublicKey publicOf(Pem.Block block, String source) throws KeyFileException {
        if (block.label().equals(Pem.PRIVATE_KEY)) {
            throw new KeyFileException(source + ": is a private key; give the public key (.pub) here");
        }
        if (!block.label().equals(Pem.PUBLIC_KEY)) {
            throw new KeyFileException(source + ": holds a PEM \"" + block.label() + "\", not a \"PUBLIC KEY\"");
        }
        return decodePublic(block.der(), source);
    }

    /** Decodes SubjectPublicKeyInfo DER; {@code source} names where it came from in messages. */
    public static PublicKey decodePublic(byte[] der, String source) throws KeyFileException {
        String oid;
        try {
            oid = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm().getId();
        } catch (RuntimeException e) {
            throw new KeyFileException(source + ": not a valid SubjectPublicKeyInfo (corrupt key)");
        }
        requireMlDsa(oid, source);
        try {
            return KeyFactory.getInstance("ML-DSA", BouncyCastle.PROVIDER).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFileException(source + ": corrupt ML-DSA public key");
        }
    }

    /**
     * A private key; an encrypted one asks {@link KeyPasswords#standard()} for its password, once per
     * process as long as the file's sealed bytes stay the same ({@link #OPENED}).
     */
    public static PrivateKey readPrivate(Path file) throws IOException {
        return readPrivate(file, KeyPasswords.standard(), OPENED);
    }

    /** A private key; {@code passwords} is asked only when the key is encrypted, after its parameters are checked. */
    public static PrivateKey readPrivate(Path file, KeyPassword passwords) throws IOException {
        return readPrivate(file, passwords, null);
    }

    /**
     * As {@link #readPrivate(Path, KeyPassword)}; {@code opened}, when given, keeps each encrypted key
     * it decrypts, by path, with the sealed bytes it came from. The file is still read and checked
     * (its mode included) every time; only the key derivation and the password are skipped while the
     * bytes are unchanged.
     */
    static PrivateKey readPrivate(Path file, KeyPassword passwords, @Nullable Map<Path, Opened> opened)
            throws IOException {
        Pem.Block block = block(file);
        if (block.label().equals(Pem.PUBLIC_KEY)) {
            throw new KeyFileException(file + ": is a public key; signing needs the private key (.key)");
        }
        if (!block.label().equals(Pem.PRIVATE_KEY) && !block.label().equals(Pem.ENCRYPTED_PRIVATE_KEY)) {
            throw new KeyFileException(file + ": holds a PEM \"" + block.label() + "\", not a \"PRIVATE KEY\"");
        }
        requireOwnerOnly(file);
        if (block.label().equals(Pem.PRIVATE_KEY)) {
            return decodePrivate(block.der(), file.toString());
        }
        Path at = file.toAbsolutePath().normalize();
        Opened known = opened == null ? null : opened.get(at);
        if (known != null && Arrays.equals(known.sealed(), block.der())) {
            return known.key();
        }
        EncryptedKeys.Sealed sealed = EncryptedKeys.parse(block.der(), file.toString());
        char[] password = passwords.forKey(file);
        byte[] der = null;
        try {
            der = sealed.open(password);
            // A wrong password passes the padding check once in 256 tries; the bytes behind it are no PKCS#8.
            try {
                PrivateKeyInfo.getInstance(der);
            } catch (RuntimeException e) {
                throw EncryptedKeys.wrongPassword(file.toString());
            }
            PrivateKey key = decodePrivate(der, file.toString());
            if (opened != null) {
                opened.put(at, new Opened(block.der().clone(), key));
            }
            return key;
        } finally {
            KeyPasswords.clear(password);
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    /** Decodes PKCS#8 DER; {@code source} names where it came from in messages. */
    public static PrivateKey decodePrivate(byte[] der, String source) throws KeyFileException {
        String oid;
        try {
            oid = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm().getId();
        } catch (RuntimeException e) {
            throw new KeyFileException(source + ": not a valid PKCS#8 private key (corrupt key)");
        }
        requireMlDsa(oid, source);
        try {
            return KeyFactory.getInstance("ML-DSA", BouncyCastle.PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFileException(source + ": corrupt ML-DSA private key");
        }
    }

    /** The public half of an ML-DSA private key (FIPS 204 keys carry or derive it). */
    public static PublicKey publicOf(PrivateKey key) {
        return ((MLDSAPrivateKey) key).getPublicKey();
    }

    private static Pem.Block block(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new KeyFileException(file + ": is a directory, not a key file");
        }
        // Documents name their public key files, so a hostile one could point at /dev/zero or a huge file.
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new KeyFileException(file + ": not a regular file");
        }
        if (Files.exists(file) && Files.size(file) > MAX_KEY_FILE_BYTES) {
            throw new KeyFileException(file + ": too large for a key file");
        }
        // Bounded read as well: a file that grows after the size check is cut off and refused.
        return block(InputFiles.read(file, MAX_KEY_FILE_BYTES), file.toString());
    }

    private static Pem.Block block(byte[] pem, String source) throws KeyFileException {
        Pem.Block block = Pem.decode(new String(pem, StandardCharsets.ISO_8859_1));
        if (block == null) {
            throw new KeyFileException(source + ": not a PEM key file (expected \"-----BEGIN PUBLIC KEY-----\" or "
                    + "\"-----BEGIN PRIVATE KEY-----\"; corrupt or another format)");
        }
        return block;
    }

    private static void requireMlDsa(String oid, String source) throws KeyFileException {
        if (!MlDsaOids.isMlDsa(oid)) {
            String kind = OTHER_KEY_TYPES.getOrDefault(oid, "a key of algorithm " + oid);
            throw new KeyFileException(source + ": is " + kind + ", not an ML-DSA key");
        }
    }

    /** ssh's rule: a private key others can read is refused, because it may already be compromised. */
    private static void requireOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        Set<PosixFilePermission> open = EnumSet.copyOf(perms);
        open.retainAll(EnumSet.complementOf(EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        if (!open.isEmpty()) {
            throw new KeyFileException(file + ": permissions " + PosixFilePermissions.toString(perms)
                    + " are too open; a private key must be readable by its owner only (chmod 600 " + file + ")");
        }
    }
}
