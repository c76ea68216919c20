package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.maml.sign.KeyFiles;
import dev.maml.testing.ChildProcesses;
import dev.maml.testing.ChildProcesses.Finished;
import dev.maml.testing.RealParts;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interoperability with an independent ML-DSA implementation, @noble/post-quantum (pinned in
 * interop/noble/package-lock.json): maml signs and noble verifies, noble signs and maml verifies.
 * Without node and npm the test is skipped, except under CI=true, where it fails.
 */
class NobleInteropTest {

    private static final Path NOBLE = TestData.repositoryRoot().resolve("interop/noble");

    @BeforeAll
    static void installNoble() throws Exception {
        Finished npm = run(NOBLE, "npm", "ci", "--no-audit", "--no-fund");
        if (npm == null) {
            RealParts.missing("npm is not installed (apt-get install nodejs npm): the ML-DSA interoperability test needs node and npm");
        }
        assertEquals(0, npm.code(), "npm ci failed: " + npm.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"})
    void mamlAndNobleAcceptEachOthersSignatures(String alg, @TempDir Path dir) throws Exception {
        Path doc = dir.resolve("drone.maml.md");
        // CRLF line breaks and characters outside the BMP exercise the signed-bytes rules on both sides.
        Files.writeString(doc, Files.readString(TestData.example()).replace("\n", "\r\n")
                .replace("## Intent\r\n", "## Intent\r\nCaf\u00e9 \uD83D\uDE80 e\u0301\r\n"), StandardCharsets.UTF_8);
        assertEquals(0, CliRun.of("keygen", "--alg", alg, "--out", dir.resolve("k").toString()).exitCode());
        assertEquals(0, CliRun.of("sign", doc.toString(), "--key", dir.resolve("k.key").toString()).exitCode());

        Finished nobleVerify = node("verify", doc.toString());
        assertEquals(0, nobleVerify.code(), "noble rejects maml's signature: " + nobleVerify.output());

        String seed = HexFormat.of().formatHex(((MLDSAPrivateKey) KeyFiles.readPrivate(dir.resolve("k.key"))).getSeed());
        String mamlSigned = Files.readString(doc);
        Finished nobleSign = node("sign", doc.toString(), seed);
        assertEquals(0, nobleSign.code(), nobleSign.output());
        String nobleSigned = Files.readString(doc);
        assertEquals(mamlSigned.replaceAll("signature: \"[^\"]*\"", ""), nobleSigned.replaceAll("signature: \"[^\"]*\"", ""),
                "noble changed only the signature");
        CliRun mamlVerify = CliRun.of("verify", doc.toString(), "--trust", dir.resolve("k.pub").toString());
        assertEquals(0, mamlVerify.exitCode(), "maml rejects noble's signature: " + mamlVerify.out());

        Files.writeString(doc, nobleSigned.replace("Caf\u00e9", "Cafe"));
        assertEquals(1, node("verify", doc.toString()).code(), "noble must reject a changed document");
        assertEquals(1, CliRun.of("verify", doc.toString(), "--trust", dir.resolve("k.pub").toString()).exitCode());
    }

    private static Finished node(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "interop.mjs"));
        command.addAll(List.of(args));
        Finished r = run(NOBLE, command.toArray(String[]::new));
        if (r == null) {
            fail("node is not installed");
        }
        return r;
    }

    /** Runs a process to its end (at most 5 minutes: npm ci downloads); null when the program is not installed. */
    private static Finished run(Path dir, String... command) throws Exception {
        try {
            return ChildProcesses.run(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true),
                    Duration.ofMinutes(5));
        } catch (IOException e) {
            return null;
        }
    }
}
