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

    @Test
    void aControlCharacterInTheGivenPathIsRefusedByName() {
        for (String[] c : new String[][] {{"a\nb.pub", "a\\x0Ab.pub", "U+000A"}, {"a\u001bb.pub", "a\\x1Bb.pub", "U+001B"},
                {"\u0085.pub", "\\x85.pub", "U+0085"}}) {
            SigningException e = assertThrows(SigningException.class, () -> DocumentSigner.sign(DOC, KEYS.getPrivate(),
                    Path.of("."), c[0], Instant.EPOCH, new SecureRandom()));
            assertEquals("cannot sign: the public key path " + c[1] + " holds the control character " + c[2]
                    + ", which the document cannot hold as written; rename the file, or leave the public key out "
                    + "to embed it as base64", e.getMessage());
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
        Path doc = dir.resolve("d.maml.md");
        Files.writeString(doc, DOC);
        SigningException e = assertThrows(SigningException.class,
                () -> DocumentSigner.signFile(doc, files[1], null, Instant.EPOCH, new SecureRandom()));
        assertEquals("cannot sign: the public key path al\\x0Aice.pub holds the control character U+000A, which the "
                + "document cannot hold as written; rename the file, or leave the public key out to embed it as base64",
                e.getMessage());
        assertEquals(DOC, Files.readString(doc), "untouched");
    }

    @Test
    void aControlCharacterInAnExplicitPublicKeyFileIsRefused(@TempDir Path dir) throws Exception {
        Path[] files = KeyFiles.write(KEYS, dir.resolve("alice").toString());
        Path pub = Files.copy(files[0], dir.resolve("esc\u001b.pub"));
        Path doc = dir.resolve("d.maml.md");
        Files.writeString(doc, DOC);
        SigningException e = assertThrows(SigningException.class,
                () -> DocumentSigner.signFile(doc, files[1], pub, Instant.EPOCH, new SecureRandom()));
        assertEquals("cannot sign: the public key path esc\\x1B.pub holds the control character U+001B, which the "
                + "document cannot hold as written; rename the file, or leave the public key out to embed it as base64",
                e.getMessage());
    }
}
