package dev.maml.server.receipts;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the PostgreSQL receipt store, created and migrated by the server at start:
 * {@code maml_schema_version} lists the migrations applied, and each start applies the missing
 * ones in one transaction under an advisory lock, so replicas starting together migrate once.
 * A database migrated by a newer maml (a version this one does not know) is refused.
 */
final class ReceiptSchema {

    /** pg_advisory_xact_lock's first key for every lock this store takes ('maml' as an int). */
    static final int LOCK_CLASS = 0x6d616d6c;
    /** The second key of the migration lock; receipt chains use a hash of their document (never 0 by chance alone). */
    private static final int MIGRATION_LOCK = 0;

    /** Migration N is MIGRATIONS.get(N - 1); never edit one that shipped, add the next. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE SEQUENCE maml_receipt_ids",
            """
            CREATE TABLE maml_receipts (
                id bigint PRIMARY KEY,
                name text NOT NULL UNIQUE,
                document text NOT NULL,
                position bigint NOT NULL,
                sha3_256 char(64) NOT NULL,
                prev_sha3_256 char(64),
                body bytea NOT NULL,
                stored_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (document, position),
                CHECK ((position = 1) = (prev_sha3_256 IS NULL))
            )"""));

    static final int LATEST = MIGRATIONS.size();

    private ReceiptSchema() {
    }

    /** Brings the schema to {@link #LATEST}; returns the version found before. */
    static int migrate(Connection c) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", " + MIGRATION_LOCK + ")");
            s.execute("CREATE TABLE IF NOT EXISTS maml_schema_version (version integer PRIMARY KEY,"
                    + " applied_at timestamptz NOT NULL DEFAULT now())");
            int found;
            try (ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM maml_schema_version")) {
                r.next();
                found = r.getInt(1);
            }
            if (found > LATEST) {
                c.rollback();
                throw new IOException("the database's receipt schema is version " + found
                        + ", newer than this maml knows (" + LATEST + "); run a maml at least as new as the one that migrated it");
            }
            for (int v = found + 1; v <= LATEST; v++) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO maml_schema_version (version) VALUES (" + v + ")");
            }
            c.commit();
            return found;
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
