package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.DamagedKeys;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/** The signer's check of its own signature, attacked with a key that loads but signs wrongly. */
class DamagedKeyTest {

    private static SecureRandom fixedRandom() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        return random;
    }

    @Test
    void theDamagedKeyLoadsAndSignsInvalidSignatures() throws Exception {
        // What makes the check necessary: loading the key does not catch the damage.
        PrivateKey key = KeyFiles.decodePrivate(DamagedKeys.pkcs8(), "damaged.key");
        Signature signer = Signature.getInstance("ML-DSA", BouncyCastle.PROVIDER);
        signer.initSign(key, fixedRandom());
        signer.update(DocumentSignerTest.DOC.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("ML-DSA", BouncyCastle.PROVIDER);
        verifier.initVerify(KeyFiles.publicOf(key));
        verifier.update(DocumentSignerTest.DOC.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(verifier.verify(signature));
    }

    @Test
    void aSignatureThatDoesNotVerifyIsNeverReturned() throws Exception {
        PrivateKey key = KeyFiles.decodePrivate(DamagedKeys.pkcs8(), "damaged.key");
        SigningException e = assertThrows(SigningException.class, () -> DocumentSigner.sign(DocumentSignerTest.DOC, key,
                null, null, DocumentSignerTest.NOW, fixedRandom()));
        assertTrue(e.getMessage().startsWith("cannot sign: the new signature does not verify with the key's own public key ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("the private key may be damaged; nothing was written"), e.getMessage());
    }

    @Test
    void theSameDocumentSignsWithASoundKey() throws Exception {
        String signed = DocumentSigner.sign(DocumentSignerTest.DOC, DocumentSignerTest.KEYS.getPrivate(), null, null,
                DocumentSignerTest.NOW, fixedRandom());
        assertEquals(Outcome.VALID_UNTRUSTED, DocumentSignerTest.verify(signed, TrustStore.EMPTY).outcome());
    }
}
