package dev.maml.bench;

import dev.maml.quadaes.Keyring;
import dev.maml.quadaes.QuadAes;
import dev.maml.quadaes.SealOptions;
import dev.maml.quadaes.SealResult;
import dev.maml.quadaes.UnsealResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 * quad-aes seal/unseal against plain single-key JDK AES-256-GCM over the same bytes, in memory
 * (no disk), so the ratio shows the container's own cost: chunking, STREAM nonces, the header, the
 * Shamir split and four share wraps. MB/s = ops/s x size / 2^20. Java 17 needs 10-20 s before the
 * GCM intrinsics kick in, hence the long warm-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class QuadAesBench {

    @Param({"1048576", "67108864"})
    int size;

    private byte[] payload;
    private byte[] sealed;
    private byte[] plainCiphertext;
    private byte[] out;
    private Keyring keyring;
    private QuadAes quadAes;
    private Cipher cipher;
    private SecretKeySpec plainKey;
    private final byte[] fixedNonce = new byte[12];
    private long counter;

    @Setup(Level.Trial)
    public void setUp() throws IOException, GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        payload = new byte[size];
        new Random(size).nextBytes(payload);
        keyring = Keyring.generate(random);
        quadAes = new QuadAes(random);
        ByteArrayOutputStream container = new ByteArrayOutputStream(size + size / 1024 + 4096);
        quadAes.seal(new ByteArrayInputStream(payload), container, keyring, SealOptions.defaults());
        sealed = container.toByteArray();

        byte[] key = new byte[32];
        random.nextBytes(key);
        plainKey = new SecretKeySpec(key, "AES");
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        out = new byte[size + 16];
        cipher.init(Cipher.ENCRYPT_MODE, plainKey, new GCMParameterSpec(128, fixedNonce));
        plainCiphertext = cipher.doFinal(payload);
    }

    @Benchmark
    public SealResult seal() throws IOException {
        return quadAes.seal(new ByteArrayInputStream(payload), OutputStream.nullOutputStream(), keyring,
                SealOptions.defaults());
    }

    @Benchmark
    public UnsealResult unseal() throws IOException {
        return quadAes.unseal(new ByteArrayInputStream(sealed), OutputStream.nullOutputStream(), keyring, "bench");
    }

    /** The baseline: one AES-256-GCM pass over the whole payload (a fresh nonce each time, as the JDK demands). */
    @Benchmark
    public int plainGcmEncrypt() throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).putLong(4, ++counter).array();
        cipher.init(Cipher.ENCRYPT_MODE, plainKey, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(payload, 0, payload.length, out, 0);
    }

    @Benchmark
    public int plainGcmDecrypt() throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, plainKey, new GCMParameterSpec(128, fixedNonce));
        return cipher.doFinal(plainCiphertext, 0, plainCiphertext.length, out, 0);
    }
}
