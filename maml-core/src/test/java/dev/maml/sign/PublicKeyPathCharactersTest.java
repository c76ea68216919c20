package dev.maml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A public key path is written into the document as a quoted YAML value; a control character in
 * it (a line break, ESC) cannot stand there as written, so signing refuses it with a message that
 * names the character instead of failing on the front matter it would have broken.
 */
class PublicKeyPathCharactersTest {

    private static final KeyPair KEYS = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    private static final String DOC = "---\nid: x\n---\n## Intent\nx\n";

    private static String refusal(String printedPath, String codePoint) {
        return "cannot sign: the public key path " + printedPath + " holds the control character " + codePoint
                + ", which the document cannot hold as written; rename the file, or leave the public key out "
                + "to embed it as base64";
    }

    /** Signs a file with {@code key} (and {@code pub}, or the key's sibling) and returns why it was refused. */
    private static String signFileRefusal(Path dir, Path key, Path pub) throws Exception {
        Path doc = Files.writeString(dir.resolve("d.maml.md"), DOC);
        String message = assertThrows(SigningException.class,
                () -> SignFiles.sign(doc, key, pub, Instant.EPOCH)).getMessage();
        assertEquals(DOC, Files.readString(doc), "untouched");
        return message;
    }

    @Test
    void aControlCharacterInTheGivenPathIsRefusedByName() {
        for (String[] c : new String[][] {{"a\nb.pub", "a\\x0Ab.pub", "U+000A"}, {"a\u001bb.pub", "a\\x1Bb.pub", "U+001B"},
                {"\u0085.pub", "\\x85.pub", "U+0085"}}) {
            SigningException e = assertThrows(SigningException.class, () -> DocumentSigner.sign(DOC, KEYS.getPrivate(),
                    Path.of("."), c[0], Instant.EPOCH, new SecureRandom()));
            assertEquals(refusal(c[1], c[2]), e.getMessage());
        }
    }

    @Test
    void aNoncharacterThatBreaksTheFrontMatterIsRefusedToo() {
        SigningException e = assertThrows(SigningException.class, () -> DocumentSigner.sign(DOC, KEYS.getPrivate(),
                Path.of("."), "a\uFFFE.pub", Instant.EPOCH, new SecureRandom()));
        assertEquals("cannot sign: the front matter no longer reads as a mapping once verification is added",
                e.getMessage());
    }

    @Test
    void aControlCharacterInTheKeyFileNameIsRefusedWhenItsSiblingIsReferenced(@TempDir Path dir) throws Exception {
        Path[] files = KeyFiles.write(KEYS, dir.resolve("al\nice").toString());
        assertEquals(refusal("al\\x0Aice.pub", "U+000A"), signFileRefusal(dir, files[1], null));
    }

    @Test
    void aControlCharacterInAnExplicitPublicKeyFileIsRefused(@TempDir Path dir) throws Exception {
        Path[] files = KeyFiles.write(KEYS, dir.resolve("alice").toString());
        Path pub = Files.copy(files[0], dir.resolve("esc\u001b.pub"));
        assertEquals(refusal("esc\\x1B.pub", "U+001B"), signFileRefusal(dir, files[1], pub));
    }
}
