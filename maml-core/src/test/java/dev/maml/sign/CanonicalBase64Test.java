package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.parse.DocumentParser;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict base64 (signatures): a text whose last character differs only in bits a lenient decoder
 * ignores must be refused, so every character of a signature counts. ML-DSA-44 and -87 signatures
 * (2,420 and 4,627 bytes) end in such a character; ML-DSA-65 (3,309 bytes, a multiple of 3) does not.
 */
class CanonicalBase64Test {

    static final Pattern SIGNATURE = Pattern.compile("(?m)^  signature: \"([A-Za-z0-9+/=]+)\"$");

    @ParameterizedTest
    @ValueSource(ints = {2420, 4627, 1, 2, 4, 5})
    void siblingsOfTheLastCharacterAreRefused(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        String canonical = Base64.getEncoder().encodeToString(bytes);
        assertArrayEquals(bytes, CanonicalBase64.decode(canonical));
        List<String> siblings = Base64Siblings.of(canonical);
        assertEquals(length % 3 == 1 ? 15 : 3, siblings.size());
        for (String sibling : siblings) {
            assertArrayEquals(bytes, Base64.getDecoder().decode(sibling), "the lenient decoder cannot tell");
            assertNull(CanonicalBase64.decode(sibling), sibling);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUJD=", "QUI", "QQ", "QQ=", "QUJD\n", " QUJD", "QU JD", "QUJD====", "QU=D", "QUJD-_", "ÄUJD", "QUJ*"})
    void malformedTextIsRefused(String text) {
        assertNull(CanonicalBase64.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "QQ==", "QUI=", "QUJD", "+/+/"})
    void canonicalTextDecodes(String text) {
        assertEquals(text, Base64.getEncoder().encodeToString(CanonicalBase64.decode(text)));
    }

    /**
     * The definition, "what encoding the decoded bytes gives", against every text of up to six
     * characters over letters whose low bits differ (A, Q, w: none set; B: the lowest; '/': all),
     * the pad and a character outside the alphabet: every length, padding and stray '=' there is.
     */
    @Test
    void agreesWithEncodingTheBytesAgainOnEveryShortText() {
        String chars = "AQBw/=-";
        int checked = 0;
        for (int length = 0; length <= 6; length++) {
            for (int n = 0; n < Math.pow(chars.length(), length); n++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0, v = n; i < length; i++, v /= chars.length()) {
                    text.append(chars.charAt(v % chars.length()));
                }
                byte[] expected = encodesBackTo(text.toString());
                byte[] actual = CanonicalBase64.decode(text.toString());
                assertArrayEquals(expected, actual, text.toString());
                checked += expected != null ? 1 : 0;
            }
        }
        assertTrue(checked > 100, "canonical texts among them: " + checked);
    }

    private static byte[] encodesBackTo(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Through the document verifier: the signed document with a sibling signature text is not valid. */
    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"ML_DSA_44", "ML_DSA_87"})
    void documentSignatureWithASiblingLastCharacterIsNotValid(Algorithm algorithm) throws Exception {
        KeyPair keys = MlDsa.generate(algorithm, new SecureRandom());
        String signed = DocumentSigner.sign(DocumentSignerTest.DOC, keys.getPrivate(), null, null,
                Instant.parse("2026-11-25T12:00:00Z"), new SecureRandom());
        assertEquals(Outcome.VALID_UNTRUSTED, verify(signed));
        Matcher m = SIGNATURE.matcher(signed);
        assertTrue(m.find(), signed);
        String sig = m.group(1);
        for (String sibling : Base64Siblings.of(sig)) {
            Outcome outcome = verify(signed.replace(sig, sibling));
            assertNotEquals(Outcome.VALID, outcome);
            assertNotEquals(Outcome.VALID_UNTRUSTED, outcome, "sibling " + sibling.substring(sibling.length() - 4));
        }
        assertNotEquals(Outcome.VALID_UNTRUSTED, verify(signed.replace(sig, sig.replaceAll("=+$", ""))));
    }

    private static Outcome verify(String text) {
        return DocumentVerifier.verify(DocumentParser.parse(text), null, TrustStore.EMPTY).outcome();
    }
}
