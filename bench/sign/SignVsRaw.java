import dev.maml.parse.DocumentParser;
import dev.maml.sign.Algorithm;
import dev.maml.sign.DocumentSigner;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.MlDsa;
import dev.maml.sign.SignedBytes;
import dev.maml.sign.TrustStore;
import dev.maml.sign.VerificationBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * maml's sign and verify of a 10 KB document beside Bouncy Castle's raw ML-DSA over the same signed
 * bytes with the same context string, in one JVM, in alternating rounds (maml then raw, then raw then
 * maml), so both sides see the same machine load. Prints each round's ops/s and ratio, then the
 * median of the per-round ratios. The document is SignatureBenchmark's (public key embedded as
 * base64, as `maml sign` does for a key without a .pub file beside it).
 *
 * <pre>
 *   java -cp maml-cli/target/maml.jar bench/sign/SignVsRaw.java [ALGORITHM] [ROUNDS] [SECONDS_PER_SIDE]
 * </pre>
 */
public class SignVsRaw {

    /** Relative to the repository's root, where this is run from. */
    private static final String DOCUMENT = "bench/jmh/src/main/resources/dev/maml/bench/ten-kilobytes.maml.md";

    interface Op {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String algorithm = args.length > 0 ? args[0] : "ML-DSA-65";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        SecureRandom random = new SecureRandom();
        KeyPair keys = MlDsa.generate(Algorithm.resolve(algorithm).orElseThrow(), random);
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        String document = tenKilobyteDocument();
        String signed = DocumentSigner.sign(document, keys.getPrivate(), null, null, now, random);
        byte[] signedFile = signed.getBytes(StandardCharsets.UTF_8);
        byte[] signedBytes = SignedBytes.of(signed,
                VerificationBlock.of(DocumentParser.parse(signed)).orElseThrow().signatureLine());
        BouncyCastleProvider bc = new BouncyCastleProvider();
        ContextParameterSpec context = new ContextParameterSpec("maml-2 document".getBytes(StandardCharsets.US_ASCII));
        Signature rawSigner = Signature.getInstance("ML-DSA", bc);
        rawSigner.setParameter(context);
        Signature rawVerifier = Signature.getInstance("ML-DSA", bc);
        rawVerifier.setParameter(context);
        rawSigner.initSign(keys.getPrivate(), random);
        rawSigner.update(signedBytes);
        byte[] rawSignature = rawSigner.sign();

        Op mamlSign = () -> DocumentSigner.sign(document, keys.getPrivate(), null, null, now, random);
        Op rawSign = () -> {
            rawSigner.initSign(keys.getPrivate(), random);
            rawSigner.update(signedBytes);
            return rawSigner.sign();
        };
        Op mamlVerify = () -> {
            if (!DocumentVerifier.verify(signedFile, null, TrustStore.EMPTY).outcome().signatureValid()) {
                throw new IllegalStateException("maml verify failed");
            }
            return null;
        };
        Op rawVerify = () -> {
            rawVerifier.initVerify(keys.getPublic());
            rawVerifier.update(signedBytes);
            if (!rawVerifier.verify(rawSignature)) {
                throw new IllegalStateException("raw verify failed");
            }
            return null;
        };
        System.out.printf("{\"algorithm\":\"%s\",\"document_bytes\":%d,\"signed_bytes\":%d}%n", algorithm,
                signedFile.length, signedBytes.length);
        // Warm-up: two rounds not counted.
        for (int i = 0; i < 2; i++) {
            for (Op op : List.of(mamlSign, rawSign, mamlVerify, rawVerify)) {
                opsPerSecond(op, seconds / 2);
            }
        }
        List<Double> signRatios = new ArrayList<>();
        List<Double> verifyRatios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            boolean mamlFirst = r % 2 == 0;
            double[] sign = pair(mamlSign, rawSign, mamlFirst, seconds);
            double[] verify = pair(mamlVerify, rawVerify, mamlFirst, seconds);
            signRatios.add(sign[0] / sign[1]);
            verifyRatios.add(verify[0] / verify[1]);
            System.out.printf("{\"round\":%d,\"maml_sign\":%.0f,\"raw_sign\":%.0f,\"sign_ratio\":%.2f,"
                    + "\"maml_verify\":%.0f,\"raw_verify\":%.0f,\"verify_ratio\":%.2f}%n", r + 1, sign[0], sign[1],
                    sign[0] / sign[1], verify[0], verify[1], verify[0] / verify[1]);
        }
        System.out.printf("{\"median_sign_ratio\":%.2f,\"median_verify_ratio\":%.2f}%n", median(signRatios),
                median(verifyRatios));
    }

    /** ops/s of {maml, raw}, measured in the given order. */
    private static double[] pair(Op maml, Op raw, boolean mamlFirst, double seconds) throws Exception {
        double[] result = new double[2];
        if (mamlFirst) {
            result[0] = opsPerSecond(maml, seconds);
            result[1] = opsPerSecond(raw, seconds);
        } else {
            result[1] = opsPerSecond(raw, seconds);
            result[0] = opsPerSecond(maml, seconds);
        }
        return result;
    }

    private static double opsPerSecond(Op op, double seconds) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int n = 0;
        long end;
        do {
            op.run();
            n++;
            end = System.nanoTime();
        } while (end < deadline);
        return n / ((end - start) / 1e9);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** SignatureBenchmark's document: a realistic front matter and sections, padded with prose to 10 KB. */
    static String tenKilobyteDocument() throws IOException {
        return Files.readString(Path.of(DOCUMENT));
    }
}
