package dev.maml.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Password-protected PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo, PEM "ENCRYPTED PRIVATE KEY") with
 * PBES2 (RFC 8018). Written: scrypt (RFC 7914, memory-hard) and AES-256-CBC. Read: scrypt or PBKDF2
 * (HMAC-SHA1/256/512) with AES-128/192/256-CBC, so a key that {@code openssl pkcs8 -topk8} encrypted
 * (PBKDF2 by default, scrypt with {@code -scrypt}) loads too.
 *
 * <p>Built from Bouncy Castle's ASN.1 classes and primitives (bcprov, already a dependency; its
 * PKCS#8 encryptor builders live in bcpkix, which the project does not ship). The parameters in a
 * key file decide how much memory and time decryption takes, so they are bounded before anything is
 * derived: a crafted file cannot make the tool allocate gigabytes or spin for hours.
 */
final class EncryptedKeys {

    /** RFC 7914 section 7. */
    static final ASN1ObjectIdentifier SCRYPT = new ASN1ObjectIdentifier("1.3.6.1.4.1.11591.4.11");

    /**
     * N = 2^14, r = 8, p = 1: 16 MiB and 2^14 block mixes per guess. OpenSSL 3 decrypts scrypt keys
     * only within 32 MiB (its default limit, not settable from {@code openssl pkcs8}); N = 2^15 with
     * r = 8 already exceeds it. This is scrypt's "interactive" setting: it slows guessing, it does
     * not save a weak password.
     */
    static final int SCRYPT_N = 1 << 14;
    static final int SCRYPT_R = 8;
    static final int SCRYPT_P = 1;

    /** Largest scrypt memory (128 * r * N bytes) accepted when reading: 256 MiB. */
    private static final long MAX_SCRYPT_BYTES = 256L * 1024 * 1024;
    private static final int MAX_SCRYPT_P = 16;
    /** Largest PBKDF2 iteration count accepted when reading (OpenSSL writes 2048; OWASP asks 600,000 for SHA-256). */
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private static final Map<ASN1ObjectIdentifier, Integer> AES_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16,
            NISTObjectIdentifiers.id_aes192_CBC, 24,
            NISTObjectIdentifiers.id_aes256_CBC, 32);

    private EncryptedKeys() {
    }

    /** The EncryptedPrivateKeyInfo DER of {@code pkcs8} under {@code password}. */
    static byte[] encrypt(byte[] pkcs8, char[] password, SecureRandom random) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] pass = utf8(password);
        byte[] key = SCrypt.generate(pass, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, 32);
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = aes.doFinal(pkcs8);
            ASN1Encodable scryptParams = new DERSequence(new ASN1Encodable[] {new DEROctetString(salt),
                    new ASN1Integer(SCRYPT_N), new ASN1Integer(SCRYPT_R), new ASN1Integer(SCRYPT_P), new ASN1Integer(32)});
            PBES2Parameters pbes2 = new PBES2Parameters(new KeyDerivationFunc(SCRYPT, scryptParams),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
            return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2), encrypted)
                    .getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("AES-256-CBC is part of every Java runtime", e);
        } finally {
            Arrays.fill(pass, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The parameters of an encrypted key, checked and bounded; nothing is derived yet. */
    static Sealed parse(byte[] der, String source) throws KeyFileException {
        EncryptedPrivateKeyInfo info;
        PBES2Parameters pbes2;
        try {
            info = EncryptedPrivateKeyInfo.getInstance(der);
            if (!PKCSObjectIdentifiers.id_PBES2.equals(info.getEncryptionAlgorithm().getAlgorithm())) {
                throw new KeyFileException(source + ": encrypted with " + info.getEncryptionAlgorithm().getAlgorithm()
                        + "; only PBES2 (scrypt or PBKDF2 with AES-CBC) is supported");
            }
            pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        } catch (RuntimeException e) {
            throw corrupt(source);
        }
        if (pbes2 == null) {
            throw corrupt(source);
        }
        Kdf kdf = kdf(pbes2.getKeyDerivationFunc(), source);
        EncryptionScheme scheme = pbes2.getEncryptionScheme();
        Integer keyBytes = AES_KEY_BYTES.get(scheme.getAlgorithm());
        if (keyBytes == null) {
            throw new KeyFileException(source + ": encrypted with cipher " + scheme.getAlgorithm()
                    + "; only AES-128/192/256-CBC is supported");
        }
        byte[] iv;
        try {
            iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
        } catch (RuntimeException e) {
            throw corrupt(source);
        }
        if (iv.length != 16 || kdf.keyLength() != null && kdf.keyLength() != keyBytes) {
            throw corrupt(source);
        }
        return new Sealed(kdf, keyBytes, iv, info.getEncryptedData(), source);
    }

    private static Kdf kdf(KeyDerivationFunc func, String source) throws KeyFileException {
        try {
            if (SCRYPT.equals(func.getAlgorithm())) {
                ASN1Sequence s = ASN1Sequence.getInstance(func.getParameters());
                if (s.size() < 4 || s.size() > 5) {
                    throw corrupt(source);
                }
                byte[] salt = ASN1OctetString.getInstance(s.getObjectAt(0)).getOctets();
                long n = bounded(s.getObjectAt(1), Integer.MAX_VALUE);
                long r = bounded(s.getObjectAt(2), Integer.MAX_VALUE);
                long p = bounded(s.getObjectAt(3), Integer.MAX_VALUE);
                Integer length = s.size() == 5 ? (int) bounded(s.getObjectAt(4), 64) : null;
                // N and r are bounded one by one first, so that 128 * r * N cannot overflow.
                if (n < 2 || Long.bitCount(n) != 1 || n > MAX_SCRYPT_BYTES / 128 || r < 1 || r > MAX_SCRYPT_BYTES / 128
                        || p < 1 || p > MAX_SCRYPT_P || 128 * r * n > MAX_SCRYPT_BYTES) {
                    throw new KeyFileException(source + ": scrypt parameters N=" + n + ", r=" + r + ", p=" + p
                            + " are outside what this tool accepts (128*r*N up to 256 MiB, p up to " + MAX_SCRYPT_P + ")");
                }
                return new Kdf(salt, (pass, keyBytes) -> SCrypt.generate(pass, salt, (int) n, (int) r, (int) p, keyBytes),
                        length);
            }
            if (PKCSObjectIdentifiers.id_PBKDF2.equals(func.getAlgorithm())) {
                PBKDF2Params params = PBKDF2Params.getInstance(func.getParameters());
                BigInteger iterations = params.getIterationCount();
                if (iterations.signum() <= 0 || iterations.compareTo(BigInteger.valueOf(MAX_PBKDF2_ITERATIONS)) > 0) {
                    throw new KeyFileException(source + ": PBKDF2 iteration count " + iterations
                            + " is outside what this tool accepts (1 to " + MAX_PBKDF2_ITERATIONS + ")");
                }
                Digest digest = prf(params.getPrf().getAlgorithm(), source);
                byte[] salt = params.getSalt();
                Integer length = params.getKeyLength() == null ? null : params.getKeyLength().intValue();
                int rounds = iterations.intValue();
                return new Kdf(salt, (pass, keyBytes) -> {
                    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(digest);
                    gen.init(pass, salt, rounds);
                    return ((KeyParameter) gen.generateDerivedParameters(keyBytes * 8)).getKey();
                }, length);
            }
        } catch (RuntimeException e) {
            throw corrupt(source);
        }
        throw new KeyFileException(source + ": key derivation " + func.getAlgorithm()
                + " is not supported (scrypt or PBKDF2)");
    }

    private static Digest prf(ASN1ObjectIdentifier oid, String source) throws KeyFileException {
        if (PKCSObjectIdentifiers.id_hmacWithSHA1.equals(oid)) {
            return new SHA1Digest();
        }
        if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(oid)) {
            return new SHA256Digest();
        }
        if (PKCSObjectIdentifiers.id_hmacWithSHA512.equals(oid)) {
            return new SHA512Digest();
        }
        throw new KeyFileException(source + ": PBKDF2 with " + oid + " is not supported (HMAC-SHA1, -SHA256, -SHA512)");
    }

    private static long bounded(ASN1Encodable value, long max) {
        BigInteger v = ASN1Integer.getInstance(value).getValue();
        return v.signum() < 0 || v.bitLength() > 62 ? Long.MAX_VALUE : Math.min(v.longValue(), max + 1L);
    }

    private static KeyFileException corrupt(String source) {
        return new KeyFileException(source + ": not a valid encrypted PKCS#8 private key (corrupt or truncated)");
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOf(b.array(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return bytes;
    }

    private interface Derivation {
        byte[] derive(byte[] password, int keyBytes);
    }

    private record Kdf(byte[] salt, Derivation derivation, Integer keyLength) {
    }

    /** An encrypted key whose parameters passed the checks; {@link #open} derives and decrypts. */
    static final class Sealed {
        private final Kdf kdf;
        private final int keyBytes;
        private final byte[] iv;
        private final byte[] encrypted;
        private final String source;

        private Sealed(Kdf kdf, int keyBytes, byte[] iv, byte[] encrypted, String source) {
            this.kdf = kdf;
            this.keyBytes = keyBytes;
            this.iv = iv;
            this.encrypted = encrypted;
            this.source = source;
        }

        /** The PKCS#8 DER; a wrong password (or a corrupt ciphertext, which AES-CBC cannot tell apart) is refused. */
        byte[] open(char[] password) throws KeyFileException {
            byte[] pass = utf8(password);
            byte[] key = kdf.derivation().derive(pass, keyBytes);
            try {
                Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
                aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
                return aes.doFinal(encrypted);
            } catch (GeneralSecurityException e) {
                throw wrongPassword(source);
            } finally {
                Arrays.fill(pass, (byte) 0);
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    static KeyFileException wrongPassword(String source) {
        return new KeyFileException(source + ": wrong password (or the encrypted key is corrupt)");
    }
}
