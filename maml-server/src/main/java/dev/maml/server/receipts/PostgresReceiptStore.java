package dev.maml.server.receipts;

import dev.maml.receipt.ReceiptStore;
import dev.maml.receipt.Receipts;
import dev.maml.sign.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receipts in PostgreSQL, shared by server replicas. An append is one transaction that first takes
 * an advisory lock on its document (pg_advisory_xact_lock, released at commit or when the
 * connection dies), then reads the chain's committed head, writes the receipt that names it and
 * commits: two replicas appending to one document take turns, so each receipt's prev_sha3_256 is
 * the receipt committed before it. UNIQUE (document, position) backs the lock: a second receipt
 * at one position (a fork) cannot commit even if the lock were bypassed. A replica killed
 * mid-append leaves nothing: its transaction is rolled back with its connection.
 *
 * <p>Receipts are named {@code STEM.ID.mu} (ID from a sequence, unique across documents).
 */
public final class PostgresReceiptStore implements ReceiptStore {

    /** Connections per server: appends are short, and a run holds one only while appending. */
    public static final int DEFAULT_CONNECTIONS = 4;

    /** The driver logs connection failures with stack traces through java.util.logging; the error we raise says it. */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");

    static {
        DRIVER_LOG.setLevel(Level.OFF);
    }

    private final DatabaseUrl url;
    private final ConnectionPool pool;

    private PostgresReceiptStore(DatabaseUrl url, ConnectionPool pool) {
        this.url = url;
        this.pool = pool;
    }

    /**
     * Connects and migrates the schema.
     *
     * @throws IOException naming the database without credentials, when it cannot be reached or
     *                     migrated
     */
    public static PostgresReceiptStore open(DatabaseUrl url, int connections) throws IOException {
        ConnectionPool pool = new ConnectionPool(url, connections);
        try {
            pool.with(ReceiptSchema::migrate);
            return new PostgresReceiptStore(url, pool);
        } catch (SQLException e) {
            pool.close();
            throw new IOException(url.redacted() + ": cannot use the database: " + url.scrub(e.getMessage()));
        } catch (IOException e) {
            pool.close();
            throw new IOException(url.redacted() + ": " + url.scrub(e.getMessage()));
        }
    }

    /** {@link #open(DatabaseUrl, int)} for a URL as given, credentials from this process's environment. */
    public static PostgresReceiptStore open(String url) throws IOException {
        return open(DatabaseUrl.parse(url, System.getenv()), DEFAULT_CONNECTIONS);
    }

    @Override
    public Path append(Receipts.Builder receipt) throws IOException {
        Receipts.Unwritten unwritten = receipt.unwritten();
        try {
            String name = pool.with(c -> append(c, unwritten));
            return Path.of(name);
        } catch (SQLException e) {
            throw new IOException("the receipt database " + url.redacted() + ": " + url.scrub(e.getMessage()));
        }
    }

    private static String append(Connection c, Receipts.Unwritten receipt) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, ReceiptSchema.LOCK_CLASS);
            lock.setInt(2, lockKey(receipt.chain()));
            lock.execute();
        }
        long position = 1;
        String prev = null;
        try (PreparedStatement head = c.prepareStatement(
                "SELECT position, sha3_256 FROM maml_receipts WHERE document = ? ORDER BY position DESC LIMIT 1")) {
            head.setString(1, receipt.chain());
            try (ResultSet r = head.executeQuery()) {
                if (r.next()) {
                    position = r.getLong(1) + 1;
                    prev = r.getString(2);
                }
            }
        }
        byte[] body = receipt.text().after(prev).getBytes(StandardCharsets.UTF_8);
        long id;
        try (PreparedStatement next = c.prepareStatement("SELECT nextval('maml_receipt_ids')");
             ResultSet r = next.executeQuery()) {
            r.next();
            id = r.getLong(1);
        }
        String name = receipt.stem() + "." + id + ".mu";
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO maml_receipts"
                + " (id, name, document, position, sha3_256, prev_sha3_256, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, name);
            insert.setString(3, receipt.chain());
            insert.setLong(4, position);
            insert.setString(5, Digests.sha3_256Hex(body));
            insert.setString(6, prev);
            insert.setBytes(7, body);
            insert.executeUpdate();
        }
        c.commit();
        return name;
    }

    /** The second advisory-lock key of a document: documents whose hashes collide only take turns. */
    static int lockKey(String document) {
        byte[] d = Digests.sha256(document.getBytes(StandardCharsets.UTF_8));
        return ((d[0] & 0xff) << 24 | (d[1] & 0xff) << 16 | (d[2] & 0xff) << 8 | (d[3] & 0xff)) | 1;
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
        try {
            return pool.with(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT body FROM maml_receipts WHERE name = ?")) {
                    s.setString(1, name);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? Optional.of(r.getBytes(1)) : Optional.<byte[]>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new IOException("the receipt database " + url.redacted() + ": " + url.scrub(e.getMessage()));
        }
    }

    @Override
    public List<Stored> chain(String document) throws IOException {
        try {
            return pool.with(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT name, body FROM maml_receipts WHERE document = ? ORDER BY position")) {
                    s.setString(1, document);
                    List<Stored> chain = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            chain.add(new Stored(r.getString(1), r.getBytes(2)));
                        }
                    }
                    return chain;
                }
            });
        } catch (SQLException e) {
            throw new IOException("the receipt database " + url.redacted() + ": " + url.scrub(e.getMessage()));
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** For tests: the schema version recorded in the database. */
    int schemaVersion() throws IOException {
        try {
            return pool.with(c -> {
                try (var s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(version) FROM maml_schema_version")) {
                    r.next();
                    return r.getInt(1);
                }
            });
        } catch (SQLException e) {
            throw new IOException(url.scrub(e.getMessage()));
        }
    }
}
