package dev.maml.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Objects;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;

/**
 * ML-DSA (FIPS 204) signing and verification under one context string. Bouncy Castle keeps the
 * context set by {@code setParameter} across re-initialisations, so each context string gets its
 * own instance here (and each thread its own {@link Signature}); contexts can never leak between
 * uses. Signing is hedged ({@link #sign}) or deterministic ({@link #signDeterministic}), always by
 * the caller's explicit choice.
 */
public final class MlDsa {

    public static final MlDsa DOCUMENT = new MlDsa("maml-2 document".getBytes(StandardCharsets.US_ASCII));
    public static final MlDsa RECEIPT = new MlDsa("maml-2 receipt".getBytes(StandardCharsets.US_ASCII));

    private final byte[] context;
    private final ThreadLocal<Signature> signature;

    /** @param context at most 255 bytes (FIPS 204) */
    public MlDsa(byte[] context) {
        if (context.length > 255) {
            throw new IllegalArgumentException("ML-DSA context strings are at most 255 bytes");
        }
        this.context = context.clone();
        this.signature = ThreadLocal.withInitial(this::newSignature);
    }

    public static KeyPair generate(Algorithm algorithm, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-DSA", BouncyCastle.PROVIDER);
            generator.initialize(algorithm.spec(), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle cannot generate " + algorithm, e);
        }
    }

    /**
     * Signs {@code message}, hedged (FIPS 204's default): {@code random} adds fresh randomness to every
     * signature, so signing the same message twice gives two different, equally valid signatures.
     */
    public byte[] sign(PrivateKey key, byte[] message, SecureRandom random) throws GeneralSecurityException {
        Signature s = signature.get();
        s.initSign(key, Objects.requireNonNull(random, "random: hedged signing needs a SecureRandom"));
        return finish(s, message);
    }

    /**
     * Signs {@code message} deterministically (FIPS 204's deterministic variant): the same key and
     * message always give the same signature. For known-answer tests; the tools sign hedged.
     */
    public byte[] signDeterministic(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature s = signature.get();
        s.initSign(key);
        return finish(s, message);
    }

    private static byte[] finish(Signature s, byte[] message) throws GeneralSecurityException {
        s.update(message);
        return s.sign();
    }

    /** True when {@code sig} is a valid signature of {@code message}; false for anything else, malformed input included. */
    public boolean verify(PublicKey key, byte[] message, byte[] sig) {
        try {
            Signature s = signature.get();
            s.initVerify(key);
            s.update(message);
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private Signature newSignature() {
        try {
            Signature s = Signature.getInstance("ML-DSA", BouncyCastle.PROVIDER);
            s.setParameter(new ContextParameterSpec(context));
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle has no ML-DSA signature", e);
        }
    }
}
