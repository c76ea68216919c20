package dev.maml.bench;

import dev.maml.parse.DocumentParser;
import dev.maml.sign.Algorithm;
import dev.maml.sign.DocumentSigner;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.MlDsa;
import dev.maml.sign.SignedBytes;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import dev.maml.sign.VerificationBlock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing and verifying a 10 KB document with maml (parse, edit verification:, append History,
 * canonicalise, ML-DSA, and the sign-side self-check) beside Bouncy Castle's raw ML-DSA over the same
 * number of bytes with the same context string, per parameter set. The difference is maml's overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignatureBenchmark {

    @Param({"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"})
    public String algorithm;

    private KeyPair keys;
    private SecureRandom random;
    private String document;
    private String signedDocument;
    private byte[] signedDocumentBytes;
    private byte[] signedBytes;
    private byte[] rawSignature;
    private Signature rawSigner;
    private Signature rawVerifier;
    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        random = new SecureRandom();
        keys = MlDsa.generate(Algorithm.resolve(algorithm).orElseThrow(), random);
        document = tenKilobyteDocument();
        signedDocument = DocumentSigner.sign(document, keys.getPrivate(), null, null, now, random);
        signedDocumentBytes = signedDocument.getBytes(StandardCharsets.UTF_8);
        signedBytes = SignedBytes.of(signedDocument,
                VerificationBlock.of(DocumentParser.parse(signedDocument)).orElseThrow().signatureLine());
        BouncyCastleProvider bc = new BouncyCastleProvider();
        ContextParameterSpec context = new ContextParameterSpec("maml-2 document".getBytes(StandardCharsets.US_ASCII));
        rawSigner = Signature.getInstance("ML-DSA", bc);
        rawSigner.setParameter(context);
        rawVerifier = Signature.getInstance("ML-DSA", bc);
        rawVerifier.setParameter(context);
        rawSignature = rawSign();
        if (!rawVerify() || !mamlVerify().outcome().signatureValid()) {
            throw new IllegalStateException("benchmark set-up does not verify");
        }
    }

    @Benchmark
    public String mamlSign() throws Exception {
        return DocumentSigner.sign(document, keys.getPrivate(), null, null, now, random);
    }

    /** What `maml verify` does after reading the file: decode UTF-8, read the front matter, canonicalise, verify. */
    @Benchmark
    public Verification mamlVerify() {
        return DocumentVerifier.verify(signedDocumentBytes, null, TrustStore.EMPTY);
    }

    @Benchmark
    public byte[] rawSign() throws Exception {
        rawSigner.initSign(keys.getPrivate(), random);
        rawSigner.update(signedBytes);
        return rawSigner.sign();
    }

    @Benchmark
    public boolean rawVerify() throws Exception {
        rawVerifier.initVerify(keys.getPublic());
        rawVerifier.update(signedBytes);
        return rawVerifier.verify(rawSignature);
    }

    /**
     * A realistic front matter and sections, padded with prose to 10 KB; the same file
     * bench/sign/SignVsRaw.java reads.
     */
    static String tenKilobyteDocument() throws IOException {
        try (InputStream in = SignatureBenchmark.class.getResourceAsStream("ten-kilobytes.maml.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
