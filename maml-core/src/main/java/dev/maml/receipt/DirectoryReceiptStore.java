package dev.maml.receipt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receipts as {@code .mu} files in one directory, as `maml run --receipt-dir` writes them: the
 * chain is serialised within this process ({@link Receipts.Builder#create}), not across processes.
 * Other files in the directory (sealed payloads, keyrings) are never served as receipts.
 */
public final class DirectoryReceiptStore implements ReceiptStore {

    private final Path dir;

    /** @param dir an existing directory */
    public DirectoryReceiptStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public Path append(Receipts.Builder receipt) throws IOException {
        return receipt.into(dir).create();
    }

    /** A regular {@code .mu} file directly in the directory; a link, a FIFO or any other name is none. */
    @Override
    public Optional<byte[]> read(String name) throws IOException {
        if (!ReceiptStore.isBareName(name)) {
            return Optional.empty();
        }
        Path file;
        try {
            file = dir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!dir.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
    }

    @Override
    public List<Stored> chain(String document) throws IOException {
        List<ReceiptChain.Link> links = ReceiptChain.read(dir).getOrDefault(document, List.of());
        List<Stored> chain = new ArrayList<>();
        for (ReceiptChain.Link link : ReceiptChain.ordered(links)) {
            chain.add(new Stored(link.file().getFileName().toString(), Files.readAllBytes(link.file())));
        }
        return chain;
    }

    @Override
    public void close() {
        // Nothing held open.
    }
}
