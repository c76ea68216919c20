package dev.maml.receipt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a server's receipts are kept, each document's as one hash chain ({@code prev_sha3_256},
 * spec section 9). Two kinds: a directory ({@link DirectoryReceiptStore}, one process's disk) and
 * a database that several server replicas share, which must serialise the appends of one document
 * across all of them so that each new receipt names the head the store committed last.
 */
public interface ReceiptStore extends AutoCloseable {

    /**
     * Writes {@code receipt} as the next link of its document's chain.
     *
     * @return the receipt file for a directory store; for a store without files, a bare name
     *         ({@code NAME.mu}) that {@link #read} finds it by. Either way its file name is the name
     *         a client fetches it by.
     */
    Path append(Receipts.Builder receipt) throws IOException;

    /** The receipt of that bare name ({@code x.mu}, as {@link #append} named it), or empty. */
    Optional<byte[]> read(String name) throws IOException;

    /** The receipts of one document's chain (its id, or file name without one), first receipt first. */
    List<Stored> chain(String document) throws IOException;

    /**
     * Whether {@code name} is a bare receipt file name ({@code x.mu}): no path separator and no NUL,
     * so that it names a file directly in a receipt directory. What a store hands out and what a
     * reader accepts from a client or from a store it does not trust.
     */
    static boolean isBareName(String name) {
        return name.endsWith(".mu") && !name.contains("/") && !name.contains("\\") && name.indexOf('\0') < 0;
    }

    /** One receipt as kept: its bare name and its bytes. */
    record Stored(String name, byte[] text) {
    }

    @Override
    void close() throws IOException;
}
