package dev.maml.server.receipts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.postgresql.Driver;

/**
 * A few reusable connections to one database, no more than {@code size} at once. Deliberately
 * small (no eviction, no statement cache, no metrics): a connection that saw an error is closed
 * instead of given back, so a restarted database costs one failed request per pooled connection
 * at most, and the next request opens a fresh one.
 */
final class ConnectionPool implements AutoCloseable {

    /** How long a request waits for a connection before its run fails. */
    private static final long WAIT_SECONDS = 30;

    /** Work done on a borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException, java.io.IOException;
    }

    private final DatabaseUrl url;
    private final Driver driver = new Driver();
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(DatabaseUrl url, int size) {
        this.url = url;
        this.permits = new Semaphore(size, true);
    }

    /** Runs {@code work} on a connection; on any failure the connection is closed, not reused. */
    <T> T with(Work<T> work) throws SQLException, java.io.IOException {
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("no database connection free within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection");
        }
        Connection connection = null;
        try {
            connection = take();
            T result = work.on(connection);
            giveBack(connection);
            connection = null;
            return result;
        } finally {
            if (connection != null) {
                closeQuietly(connection);
            }
            permits.release();
        }
    }

    private Connection take() throws SQLException {
        synchronized (idle) {
            if (closed) {
                throw new SQLException("the receipt store is closed");
            }
            Connection c = idle.poll();
            if (c != null) {
                return c;
            }
        }
        Connection c = driver.connect(url.url(), url.properties());
        if (c == null) { // the driver declines URLs it does not read; DatabaseUrl admits only its own
            throw new SQLException("the PostgreSQL driver does not accept this URL");
        }
        return c;
    }

    private void giveBack(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback(); // nothing left open by the work reaches the next borrower
            c.setAutoCommit(true);
        }
        synchronized (idle) {
            if (!closed) {
                idle.push(c);
                return;
            }
        }
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already broken: dropping it is all that is left to do.
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            idle.forEach(ConnectionPool::closeQuietly);
            idle.clear();
        }
    }
}
