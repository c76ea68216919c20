package dev.maml.testing;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * An ML-DSA-65 private key damaged so that Bouncy Castle still loads it but every signature it
 * makes is invalid: the expanded form (FIPS 204 skEncode) with every byte of t0 altered. Bouncy
 * Castle checks tr, s1 and s2 of an expanded key against its public half when it loads one; t0 it
 * does not, and t0 feeds the hint of each signature.
 */
public final class DamagedKeys {

    private DamagedKeys() {}

    /** PKCS#8 DER of the damaged key; the same bytes on every call. */
    public static byte[] pkcs8() throws Exception {
        SecureRandom fixed = SecureRandom.getInstance("SHA1PRNG");
        fixed.setSeed(20261206L);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-DSA-65", new BouncyCastleProvider());
        generator.initialize(org.bouncycastle.jcajce.spec.MLDSAParameterSpec.ml_dsa_65, fixed);
        byte[] sound = generator.generateKeyPair().getPrivate().getEncoded();
        MLDSAPrivateKeyParameters p = (MLDSAPrivateKeyParameters) PrivateKeyFactory.createKey(sound);
        byte[] t0 = p.getT0();
        for (int i = 0; i < t0.length; i++) {
            t0[i] ^= 0x55;
        }
        MLDSAPrivateKeyParameters damaged = new MLDSAPrivateKeyParameters(p.getParameters(), p.getRho(), p.getK(),
                p.getTr(), p.getS1(), p.getS2(), t0, p.getT1());
        return PrivateKeyInfoFactory.createPrivateKeyInfo(
                damaged.getParametersWithFormat(MLDSAPrivateKeyParameters.EXPANDED_KEY)).getEncoded();
    }

    /** The damaged key as Bouncy Castle loads it. */
    public static PrivateKey key() throws Exception {
        return KeyFactory.getInstance("ML-DSA", new BouncyCastleProvider()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8()));
    }

    /** The damaged key as a PEM private key file's text. */
    public static String pem() throws Exception {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
