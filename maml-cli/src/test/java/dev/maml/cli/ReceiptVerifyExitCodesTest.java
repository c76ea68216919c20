package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maml receipt verify} through the real command line on the golden signed receipt
 * (testdata/golden/receipt) and edits of it: exit 0 valid (signed by a trusted or an untrusted key:
 * trust is reported, not required), 1 invalid or, with --require-signature, unsigned, 2 usage.
 */
class ReceiptVerifyExitCodesTest {

    static final Path GOLDEN = TestData.root().resolve("golden/receipt");

    @TempDir
    Path dir;
    Path receipt;
    String text;

    @BeforeEach
    void copyGolden() throws Exception {
        for (String name : new String[] {"golden.mu", "golden.pub", "golden.maml.md"}) {
            Files.copy(GOLDEN.resolve(name), dir.resolve(name));
        }
        receipt = dir.resolve("golden.mu");
        text = Files.readString(receipt);
    }

    private CliRun verify(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "receipt";
        args[1] = "verify";
        args[2] = receipt.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.of(args);
    }

    @Test
    void signedByAnUntrustedKeyIsValidAndSaysUntrusted() {
        CliRun run = verify("--source", dir.resolve("golden.maml.md").toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(receipt + ": valid (signed by key 324c617c7f3e4ab3, untrusted)\n", run.out());
        CliRun required = verify("--require-signature");
        assertEquals(0, required.exitCode(), required.out());
    }

    @Test
    void signedByATrustedKeySaysTrusted() {
        CliRun run = verify("--trust", dir.resolve("golden.pub").toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(receipt + ": valid (signed by key 324c617c7f3e4ab3, trusted)\n", run.out());
    }

    @Test
    void signerPresentSignatureStrippedIsInvalid() throws Exception {
        Files.writeString(receipt, text.replaceFirst("(?m)^signature: .*\n", ""));
        CliRun run = verify();
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().startsWith(receipt + ": invalid\n"), run.out());
        assertTrue(run.out().contains("signature"), run.out());
        assertEquals(1, verify("--require-signature").exitCode());
    }

    @Test
    void signerAndSignatureBothStrippedIsUnsignedAndFailsOnlyWhenASignatureIsRequired() throws Exception {
        Files.writeString(receipt, text.replaceFirst("(?m)^signer: .*\n", "").replaceFirst("(?m)^signature: .*\n", ""));
        CliRun lenient = verify();
        assertEquals(0, lenient.exitCode(), lenient.out());
        assertTrue(lenient.out().contains("valid (unsigned"), lenient.out());
        CliRun strict = verify("--require-signature");
        assertEquals(1, strict.exitCode(), strict.out());
        assertTrue(strict.out().startsWith(receipt + ": invalid\n"), strict.out());
        assertTrue(strict.out().contains("not signed"), strict.out());
    }

    @Test
    void aChangedHeaderOrSourceIsInvalid() throws Exception {
        Files.writeString(receipt, text.replace("type: receipt", "type: receipts"));
        assertEquals(1, verify().exitCode());
        Files.writeString(receipt, text);
        Files.writeString(dir.resolve("golden.maml.md"), "changed\n");
        CliRun source = verify("--source", dir.resolve("golden.maml.md").toString());
        assertEquals(1, source.exitCode(), source.out());
        assertTrue(source.out().contains("source document does not match"), source.out());
    }

    @Test
    void aMissingReceiptIsAUsageError() {
        CliRun run = CliRun.of("receipt", "verify", dir.resolve("missing.mu").toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("maml: "), run.err());
    }
}
