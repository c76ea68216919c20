package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.parse.DocumentParser;
import dev.maml.sign.Algorithm;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.Outcome;
import dev.maml.sign.StrictUtf8;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The verifier reads a plain signed front matter without its signature and embedded public key
 * values (ElidedFrontMatter) and parses the whole front matter only when that shortcut does not
 * apply. The shortcut must never change an answer: for every edit of {@link ByteEdits} at every
 * position of a signed front matter (the two base64 values sampled), the file entry point gives the
 * same outcome and reason as the entry point that takes a fully parsed document, which does not use
 * the shortcut.
 */
class ShortcutReadingTest {

    @Test
    void everyEditOfTheFrontMatterGetsTheAnswerOfTheFullParse() {
        assertSameAnswers(SignedSamples.sign(SignedSamples.DOCUMENT, Algorithm.ML_DSA_44), 2);
    }

    @Test
    void sameAnswersWithCrlfLineBreaksAndTextBeforeTheBlock() {
        String doc = SignedSamples.DOCUMENT.replace("type: security_workflow\n",
                "type: security_workflow\nnote: |\n  signature: \"QUFB\"\ntitle: \"caf\u00e9 \uD83D\uDE80\"\n");
        assertSameAnswers(SignedSamples.sign(doc.replace("\n", "\r\n"), Algorithm.ML_DSA_44), 11);
    }

    @Test
    void aCanonicalLookingLineThatIsNotTheBlocksSignatureIsNotTakenForIt() {
        // the shortcut's scan meets "  signature: \"QUFB\"" inside a flow sequence first; the parse
        // of the shortened text does not put verification.signature there, so the full parse decides
        String signed = SignedSamples.sign(SignedSamples.DOCUMENT, Algorithm.ML_DSA_44);
        String edited = signed.replace("verification:\n", "verification:\n  also: [\n  signature: \"QUFB\"\n  ]\n");
        assertEquals(fullParse(edited), SignedSamples.verify(edited));
        assertTrue(!SignedSamples.verify(edited).outcome().signatureValid());
    }

    /** @param step every how many positions outside the two base64 values to edit (inside: every 401st) */
    private static void assertSameAnswers(String signed, int step) {
        byte[] bytes = signed.getBytes(StandardCharsets.UTF_8);
        assertEquals(Outcome.VALID_UNTRUSTED, SignedSamples.verify(bytes).outcome());
        String text = new String(bytes, StandardCharsets.UTF_8);
        int frontMatterEnd = text.indexOf("\n---", 4) + 5;
        int[] signature = value(text, "  signature: \"");
        int[] publicKey = value(text, "  public_key: \"");
        List<Integer> positions = new ArrayList<>();
        for (int at = 0; at <= utf8Length(text, frontMatterEnd); at++) {
            if (!inside(at, signature) && !inside(at, publicKey) ? at % step == 0 : at % 401 == 0) {
                positions.add(at);
            }
        }
        List<String> differing = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger compared = new AtomicInteger();
        positions.parallelStream().forEach(at -> ByteEdits.forEach(bytes, at, (what, edited) -> {
            String editedText;
            try {
                editedText = StrictUtf8.decode(edited);
            } catch (CharacterCodingException e) {
                return; // refused before any reading: nothing for the shortcut to get wrong
            }
            compared.incrementAndGet();
            Verification shortcut = SignedSamples.verify(edited);
            Verification full = fullParse(editedText);
            if (!shortcut.equals(full)) {
                differing.add(what + ": " + shortcut + " but the full parse says " + full);
            }
        }));
        assertTrue(compared.get() > 10 * positions.size(), "edits compared: " + compared.get());
        assertEquals(List.of(), differing);
    }

    private static Verification fullParse(String text) {
        return DocumentVerifier.verify(DocumentParser.parse(text), null, TrustStore.EMPTY);
    }

    /** Byte offsets of the value after {@code prefix}: [first, after last]. */
    private static int[] value(String text, String prefix) {
        int open = text.indexOf(prefix) + prefix.length();
        int close = text.indexOf('"', open);
        return new int[] {utf8Length(text, open), utf8Length(text, close)};
    }

    private static boolean inside(int at, int[] range) {
        return at > range[0] && at < range[1] - 1;
    }

    private static int utf8Length(String text, int chars) {
        return text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }
}
