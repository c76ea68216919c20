package dev.maml.quadaes;

import dev.maml.io.AtomicFiles;
import dev.maml.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code quad-aes-256-gcm} container (spec 10.2, byte layout in docs/quad-aes.md): one payload
 * encrypted once under a random data key, the data key split 3-of-4 (configurable) among four head
 * keys held in a keyring. Not thread-safe: one instance per thread.
 */
public final class QuadAes {

    private final SecureRandom random;
    private final Gcm gcm = new Gcm();

    public QuadAes(SecureRandom random) {
        this.random = random;
    }

    public SealResult seal(InputStream in, OutputStream out, Keyring keyring, SealOptions options) throws IOException {
        byte[] dataKey = DataKey.derive(random, options.extraKeyMaterial());
        byte[] prefix = new byte[StreamNonce.PREFIX_BYTES];
        random.nextBytes(prefix);
        byte[] commitment = DataKey.commitment(dataKey);
        byte[] preamble = new Preamble(options.threshold(), PayloadCipher.CHUNK_SIZE, keyring.id(), prefix,
                commitment).encode();
        Map<Integer, byte[]> shares = Shares.split(dataKey, options.threshold(), random);
        out.write(ContainerHeader.encode(preamble, Heads.wrap(shares, keyring, preamble, 1, gcm, random)));
        long length = new PayloadCipher(dataKey, preamble, prefix).encrypt(in, out);
        return new SealResult(HexFormat.of().formatHex(commitment, 0, 8), options.threshold(), length);
    }

    /** Seals a file into a container file, written atomically, mode 0600 (spec 10.2a). */
    public SealResult seal(Path in, Path out, Keyring keyring, SealOptions options) throws IOException {
        return seal(in, out, keyring, options, null);
    }

    /**
     * As {@link #seal(Path, Path, Keyring, SealOptions)}, every byte of the container also fed to
     * {@code written} (when given) as it is written: a digest of what this call wrote, which a read
     * of {@code out} afterwards is not when another writer may have replaced the file since.
     */
    public SealResult seal(Path in, Path out, Keyring keyring, SealOptions options, @Nullable MessageDigest written)
            throws IOException {
        SealResult[] result = new SealResult[1];
        try (InputStream input = open(in)) {
            AtomicFiles.write(out, AtomicFiles.OWNER_ONLY, o -> result[0] = seal(input,
                    written == null ? o : new DigestOutputStream(o, written), keyring, options));
        }
        return result[0];
    }

    /**
     * Decrypts a container stream. Plaintext reaches {@code out} chunk by chunk, each only after it
     * authenticated; on an exception the caller must discard what was written.
     *
     * @throws ContainerException      when the heads or the payload do not authenticate
     * @throws NotAContainerException  when the stream is not a container
     */
    public UnsealResult unseal(InputStream in, OutputStream out, Keyring keyring, String name) throws IOException {
        ContainerHeader header = ContainerHeader.read(in, name);
        Heads.Opened opened = Heads.open(header, keyring, gcm, name);
        if (opened.dataKey() == null) {
            throw new ContainerException(Heads.notEnough(opened.report(), name));
        }
        long length = new PayloadCipher(opened.dataKey(), header.preambleBytes(),
                header.preamble().noncePrefix()).decrypt(in, out, name);
        return new UnsealResult(length, opened.report());
    }

    /**
     * Unseals into a file that appears (atomically, mode 0600 whatever a file it replaces had) only
     * once every chunk authenticated.
     */
    public UnsealResult unseal(Path container, Path out, Keyring keyring) throws IOException {
        UnsealResult[] result = new UnsealResult[1];
        try (InputStream input = open(container)) {
            AtomicFiles.write(out, AtomicFiles.OWNER_ONLY, o -> result[0] = unseal(input, o, keyring, container.toString()));
        }
        return result[0];
    }

    /** The heads of a container, without touching its payload. */
    public HeadsReport check(Path container, Keyring keyring) throws IOException {
        try (InputStream input = open(container)) {
            String name = container.toString();
            return Heads.open(ContainerHeader.read(input, name), keyring, gcm, name).report();
        }
    }

    /** Inputs are streamed, so their size is not bounded; a FIFO or device is refused (it would block or never end). */
    static InputStream open(Path file) throws IOException {
        InputFiles.requireRegular(file);
        return Files.newInputStream(file);
    }

    /** See {@link HeadRotation}. */
    public RotationResult rotate(Path container, int head, Path keyringFile) throws IOException {
        return new HeadRotation(gcm, random).rotate(container, head, keyringFile);
    }
}
