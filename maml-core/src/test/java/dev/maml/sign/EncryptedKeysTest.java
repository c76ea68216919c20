package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.ChildProcesses;
import dev.maml.testing.RealParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password-protected private keys: the round trip, the attacks on the file (wrong password,
 * truncation, parameters that would exhaust memory or time), and OpenSSL as the independent reader
 * and writer of the same format.
 */
class EncryptedKeysTest {

    private static final char[] PASSWORD = "correct horse \u00e9 battery".toCharArray();

    @TempDir
    Path dir;

    private Path encryptedKey(KeyPair pair) throws Exception {
        return KeyFiles.write(pair, dir.resolve("k").toString(), PASSWORD.clone(), new SecureRandom())[1];
    }

    @Test
    void anEncryptedKeyLoadsWithItsPasswordAndIsAskedForOnlyThen() throws Exception {
        KeyPair pair = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
        Path key = encryptedKey(pair);
        String pem = Files.readString(key);
        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), pem);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        AtomicInteger asked = new AtomicInteger();
        PrivateKey loaded = KeyFiles.readPrivate(key, file -> {
            asked.incrementAndGet();
            return PASSWORD.clone();
        });
        assertArrayEquals(pair.getPrivate().getEncoded(), loaded.getEncoded());
        assertEquals(1, asked.get());

        Path plain = KeyFiles.write(pair, dir.resolve("plain").toString())[1];
        KeyFiles.readPrivate(plain, file -> {
            throw new AssertionError("an unencrypted key needs no password");
        });
    }

    /** What {@link KeyFiles#readPrivate(Path)} does: an unchanged encrypted key is opened once, not at every use. */
    @Test
    void anOpenedKeyIsKeptWhileItsBytesStayTheSame() throws Exception {
        KeyPair pair = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
        Path key = encryptedKey(pair);
        Map<Path, KeyFiles.Opened> opened = new HashMap<>();
        AtomicInteger asked = new AtomicInteger();
        KeyPassword counting = file -> {
            asked.incrementAndGet();
            return PASSWORD.clone();
        };
        PrivateKey first = KeyFiles.readPrivate(key, counting, opened);
        assertEquals(first, KeyFiles.readPrivate(key, counting, opened));
        assertEquals(1, asked.get(), "the second use neither asks nor derives");

        // Re-encrypted (a new salt: other bytes), the file is opened again with its password.
        encryptedKey(pair);
        assertArrayEquals(pair.getPrivate().getEncoded(), KeyFiles.readPrivate(key, counting, opened).getEncoded());
        assertEquals(2, asked.get(), "changed bytes are opened anew");
        // A wrong password is never kept: the next use asks again and fails again.
        Path other = KeyFiles.write(pair, dir.resolve("other").toString(), PASSWORD.clone(), new SecureRandom())[1];
        for (int i = 0; i < 2; i++) {
            assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(other, f -> "wrong".toCharArray(), opened));
        }
        // The mode is still checked at every use.
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(key, counting, opened));
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() throws Exception {
        Path key = encryptedKey(MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()));
        for (String wrong : new String[] {"wrong", "correct horse \u00e9 batter", "CORRECT HORSE \u00c9 BATTERY"}) {
            KeyFileException e = assertThrows(KeyFileException.class,
                    () -> KeyFiles.readPrivate(key, f -> wrong.toCharArray()));
            assertEquals(key + ": wrong password (or the encrypted key is corrupt)", e.getMessage());
        }
        // One wrong password in 256 passes AES-CBC's padding check; what it decrypts to is then no PKCS#8.
        byte[] garbage = new byte[100];
        new SecureRandom().nextBytes(garbage);
        Path lucky = pem(EncryptedKeys.encrypt(garbage, PASSWORD, new SecureRandom()));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(lucky, f -> PASSWORD.clone()));
        assertEquals(lucky + ": wrong password (or the encrypted key is corrupt)", e.getMessage());
    }

    @Test
    void truncatedOrCorruptEncryptedKeysAreRefusedBeforeAnyPasswordIsAsked() throws Exception {
        Path key = encryptedKey(MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()));
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(key).replaceAll("-----[A-Z ]+-----", ""));
        KeyPassword never = f -> {
            throw new AssertionError("asked for a password of a broken file");
        };
        for (int cut : new int[] {1, 10, 40, 80, der.length / 2, der.length - 17}) {
            Path broken = pem(Arrays.copyOf(der, cut));
            KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(broken, never));
            assertTrue(e.getMessage().endsWith("not a valid encrypted PKCS#8 private key (corrupt or truncated)"),
                    e.getMessage());
        }
        // Cut at a cipher block boundary: the structure parses again, the ciphertext is short.
        byte[] shortened = withCiphertext(der, 16);
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFiles.readPrivate(pem(shortened), f -> PASSWORD.clone()));
        assertTrue(e.getMessage().endsWith("wrong password (or the encrypted key is corrupt)"), e.getMessage());
        // PBES2 without its parameters, and a key derivation or cipher without theirs.
        byte[] bare = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2), new byte[32])
                .getEncoded();
        byte[] noKdfParams = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2,
                new PBES2Parameters(new KeyDerivationFunc(EncryptedKeys.SCRYPT, null),
                        new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC))), new byte[32]).getEncoded();
        for (byte[] broken : List.of(bare, noKdfParams)) {
            KeyFileException bad = assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(pem(broken), never));
            assertTrue(bad.getMessage().endsWith("(corrupt or truncated)"), bad.getMessage());
        }
        Path noEnd = dir.resolve("noend.key");
        String text = Files.readString(key);
        Files.writeString(noEnd, text.substring(0, text.length() / 2));
        Files.setPosixFilePermissions(noEnd, PosixFilePermissions.fromString("rw-------"));
        assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(noEnd, never));
    }

    @Test
    void everyChangedByteOfTheParametersIsAOneLineRefusalNeverACrash() throws Exception {
        Path key = encryptedKey(MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom()));
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(key).replaceAll("-----[A-Z ]+-----", ""));
        int header = der.length - EncryptedPrivateKeyInfo.getInstance(der).getEncryptedData().length;
        for (int i = 0; i < header; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] changed = der.clone();
                changed[i] ^= (byte) bit;
                Path file = pem(changed);
                try {
                    KeyFiles.readPrivate(file, f -> PASSWORD.clone());
                } catch (KeyFileException e) {
                    assertTrue(e.getMessage().startsWith(file.toString()) && !e.getMessage().contains("\n"), e.getMessage());
                }
            }
        }
    }

    @Test
    void parametersThatWouldExhaustMemoryOrTimeAreRefusedUnread() throws Exception {
        KeyPassword never = f -> {
            throw new AssertionError("asked for a password of a hostile file");
        };
        long[][] scrypt = {{1L << 30, 8, 1}, {1L << 20, 8, 1}, {1L << 14, 1L << 40, 1}, {1L << 14, 8, 1000},
                {3, 8, 1}, {0, 8, 1}, {1L << 14, 0, 1}, {-16384, 8, 1}};
        for (long[] p : scrypt) {
            ASN1Encodable params = new DERSequence(new ASN1Encodable[] {new DEROctetString(new byte[16]),
                    new ASN1Integer(p[0]), new ASN1Integer(p[1]), new ASN1Integer(p[2])});
            Path hostile = pem(encryptedInfo(new KeyDerivationFunc(EncryptedKeys.SCRYPT, params)));
            KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(hostile, never));
            assertTrue(e.getMessage().contains("scrypt parameters"), e.getMessage());
        }
        ASN1Encodable pbkdf2 = new DERSequence(new ASN1Encodable[] {new DEROctetString(new byte[16]),
                new ASN1Integer(2_000_000_000L)});
        Path slow = pem(encryptedInfo(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, pbkdf2)));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPrivate(slow, never));
        assertTrue(e.getMessage().contains("PBKDF2 iteration count 2000000000"), e.getMessage());
    }

    @Test
    void openSslDecryptsWhatThisCodeEncryptsAndTheReverse() throws Exception {
        if (!onPath("openssl")) {
            RealParts.missing("openssl is not installed (apt-get install openssl)");
        }
        // The encryption does not depend on the key inside; Ed25519 is a key OpenSSL 3.0 can print back.
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pkcs8 = ed.getPrivate().getEncoded();
        Path ours = pem(EncryptedKeys.encrypt(pkcs8, PASSWORD, new SecureRandom()));
        Path out = dir.resolve("out.der");
        assertEquals(0, openssl("pkcs8", "-in", ours.toString(), "-passin", "env:PW", "-outform", "DER",
                "-out", out.toString()));
        assertArrayEquals(pkcs8, Files.readAllBytes(out));
        // An ML-DSA key as keygen writes it: OpenSSL 3.5 prints it back; 3.0 decrypts it, reads the
        // PKCS#8 inside and stops at the algorithm it does not know, naming its OID (ML-DSA-65).
        KeyPair ml = MlDsa.generate(Algorithm.ML_DSA_65, new SecureRandom());
        Path mlKey = encryptedKey(ml);
        Path mlOut = dir.resolve("ml.der");
        String[] decrypt = {"pkcs8", "-in", mlKey.toString(), "-passin", "env:PW", "-outform", "DER", "-out", mlOut.toString()};
        ChildProcesses.Finished done = opensslRun(decrypt);
        if (done.code() == 0) {
            assertArrayEquals(ml.getPrivate().getEncoded(), Files.readAllBytes(mlOut));
        } else {
            assertTrue(done.output().contains("TYPE=2.16.840.1.101.3.4.3.18"), done.output());
        }

        Path plain = dir.resolve("plain.der");
        Files.write(plain, pkcs8);
        for (String[] scheme : new String[][] {{"-scrypt"}, {"-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256"},
                {"-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"}, {"-v2", "aes-192-cbc", "-v2prf", "hmacWithSHA512"}}) {
            Path theirs = dir.resolve("theirs.key");
            String[] args = concat(new String[] {"pkcs8", "-topk8", "-inform", "DER", "-in", plain.toString(),
                    "-passout", "env:PW", "-out", theirs.toString()}, scheme);
            assertEquals(0, openssl(args), String.join(" ", args));
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(theirs).replaceAll("-----[A-Z ]+-----", ""));
            assertArrayEquals(pkcs8, EncryptedKeys.parse(der, "theirs.key").open(PASSWORD), String.join(" ", scheme));
            assertWrongPasswordRefused(EncryptedKeys.parse(der, "theirs.key"), pkcs8);
        }
    }

    /**
     * A wrong password fails AES-CBC's padding check, except once in 256 (the salt is random each
     * run): then it yields bytes that are not the key, which KeyFiles refuses as no PKCS#8. Either
     * way the key does not come out.
     */
    private static void assertWrongPasswordRefused(EncryptedKeys.Sealed key, byte[] pkcs8) {
        try {
            assertFalse(Arrays.equals(pkcs8, key.open("nope".toCharArray())), "a wrong password gave the key");
        } catch (KeyFileException refused) {
            assertTrue(refused.getMessage().contains("wrong password"), refused.getMessage());
        }
    }

    private static byte[] withCiphertext(byte[] der, int bytes) throws Exception {
        EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(der);
        return new EncryptedPrivateKeyInfo(info.getEncryptionAlgorithm(), Arrays.copyOf(info.getEncryptedData(), bytes))
                .getEncoded();
    }

    private static byte[] encryptedInfo(KeyDerivationFunc kdf) throws Exception {
        PBES2Parameters pbes2 = new PBES2Parameters(kdf,
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(new byte[16])));
        return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2), new byte[64])
                .getEncoded();
    }

    private Path pem(byte[] der) throws Exception {
        Path file = Files.createTempFile(dir, "enc", ".key");
        Files.writeString(file, Pem.encode(Pem.ENCRYPTED_PRIVATE_KEY, der), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private int openssl(String... args) throws Exception {
        ChildProcesses.Finished done = opensslRun(args);
        assertEquals(0, done.code(), done.output());
        return done.code();
    }

    private ChildProcesses.Finished opensslRun(String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(concat(new String[] {"openssl"}, args)).redirectErrorStream(true);
        pb.environment().put("PW", new String(PASSWORD));
        return ChildProcesses.run(pb, ChildProcesses.TIMEOUT);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
