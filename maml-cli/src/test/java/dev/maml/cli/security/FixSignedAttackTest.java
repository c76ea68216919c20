package dev.maml.cli.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.cli.LintCommandTest;
import dev.maml.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: `maml lint --fix` rewrote a signed document and said nothing, so the signature stopped
 * verifying unnoticed. Issue 14: a fix of a signed document is unsafe, so --fix leaves it alone and
 * says how to apply it and what to re-sign; with --unsafe-fixes it applies and warns, as `fmt` does.
 */
class FixSignedAttackTest {

    /** Clean but for the trailing spaces after the opening delimiter (MAML091, fixable). */
    static final String FIXABLE = "---  \n" + LintCommandTest.CLEAN.substring("---\n".length());

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run maml(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    Path signedFixableDocument() throws Exception {
        Path doc = Files.writeString(dir.resolve("drone.maml.md"), FIXABLE);
        String prefix = dir.resolve("me").toString();
        assertEquals(0, maml(new byte[0], "keygen", "--out", prefix).code());
        Run sign = maml(new byte[0], "sign", doc.toString(), "--key", prefix + ".key");
        assertEquals(0, sign.code(), sign.err());
        assertEquals(0, maml(new byte[0], "verify", doc.toString(), "--trust", prefix + ".pub").code(), "signed and valid");
        return doc;
    }

    @Test
    void lintFixLeavesTheSignedBytesAloneAndSaysWhatToReSign() throws Exception {
        Path doc = signedFixableDocument();
        byte[] signed = Files.readAllBytes(doc);
        Run fix = maml(new byte[0], "lint", "--fix", doc.toString());
        assertEquals(0, fix.code(), fix.err());
        assertArrayEquals(signed, Files.readAllBytes(doc), "a fix of a signed document is unsafe");
        assertTrue(fix.err().contains("maml: " + doc + ": 1 fix not applied: the document is signed and fixing it changes the"
                + " signed bytes; to apply: maml lint --fix --unsafe-fixes " + doc + ", then sign it again: maml sign " + doc
                + " --key YOUR.key\n"), fix.err());
        assertEquals(0, maml(new byte[0], "verify", doc.toString(), "--trust", dir.resolve("me.pub").toString()).code());
    }

    @Test
    void unsafeFixesApplyAndWarnThatTheSignatureNoLongerVerifies() throws Exception {
        Path doc = signedFixableDocument();
        Run fix = maml(new byte[0], "lint", "--fix", "--unsafe-fixes", doc.toString());
        assertTrue(fix.err().contains("maml: " + doc + ": the fixes changed the signed bytes, so the signature no longer"
                + " verifies; sign it again: maml sign " + doc + " --key YOUR.key\n"), fix.err());
        assertFalse(fix.err().contains("not applied"), fix.err());
        Run verify = maml(new byte[0], "verify", doc.toString(), "--trust", dir.resolve("me.pub").toString());
        assertEquals(1, verify.code(), "the warning is true: " + verify.out() + verify.err());
    }

    @Test
    void lintFixOnStandardInputWarnsOnStandardError() throws Exception {
        byte[] signed = Files.readAllBytes(signedFixableDocument());
        Run safe = maml(signed, "lint", "--fix", "--stdin", "--stdin-filename", "drone.maml.md");
        assertEquals(new String(signed, StandardCharsets.UTF_8), safe.out(), "the signed text unchanged on stdout");
        assertTrue(safe.err().contains("maml: drone.maml.md: 1 fix not applied: the document is signed"), safe.err());
        Run fix = maml(signed, "lint", "--fix", "--unsafe-fixes", "--stdin", "--stdin-filename", "drone.maml.md");
        assertTrue(fix.out().startsWith("---\n"), "the fixed text on stdout: " + fix.out());
        assertTrue(fix.err().contains("maml: drone.maml.md: the fixes changed the signed bytes"), fix.err());
    }

    @Test
    void nothingToFixNoWarning() throws Exception {
        Path doc = signedFixableDocument();
        maml(new byte[0], "lint", "--fix", "--unsafe-fixes", doc.toString());
        Run again = maml(new byte[0], "lint", "--fix", doc.toString());
        assertTrue(!again.err().contains("signed bytes"), again.err());
        Path unsigned = Files.writeString(dir.resolve("plain.maml.md"), FIXABLE);
        Run plain = maml(new byte[0], "lint", "--fix", unsigned.toString());
        assertTrue(!plain.err().contains("signed bytes"), plain.err());
        assertTrue(Files.readString(unsigned, StandardCharsets.UTF_8).startsWith("---\n"));
    }
}
