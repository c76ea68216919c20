package dev.maml.server.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Cuts off clients that trickle a request in (slowloris: one byte per second keeps an idle timeout
 * from ever firing). Jetty 12 has no header-read timeout, and its MinimumDataRateHandler only
 * measures bodies a handler reads, so every connection is looked at once per request timeout: when
 * bytes came in but no new request started, and fewer than {@link #MIN_BYTES} of them, twice in a
 * row, the connection is closed. A client waiting for a long run sends nothing (no bytes: not
 * counted), an honest upload sends far more than the minimum, and a request that merely straddles
 * one check is forgiven by the second.
 */
final class TrickleGuard implements Connection.Listener {

    /** Fewest bytes a request still arriving must deliver per request timeout. */
    static final long MIN_BYTES = 1024;

    private final Scheduler scheduler;
    private final long periodMillis;

    TrickleGuard(Scheduler scheduler, Duration requestTimeout) {
        this.scheduler = scheduler;
        this.periodMillis = requestTimeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        new Watch(connection).schedule();
    }

    /** One connection's progress at the last check. */
    private final class Watch implements Runnable {
        private final Connection connection;
        private long bytes;
        private long messages;
        private int strikes;

        Watch(Connection connection) {
            this.connection = connection;
        }

        void schedule() {
            scheduler.schedule(this, periodMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long nowBytes = connection.getBytesIn();
            long nowMessages = connection.getMessagesIn();
            long delta = nowBytes - bytes;
            boolean trickling = delta > 0 && delta < MIN_BYTES && nowMessages == messages;
            strikes = trickling ? strikes + 1 : 0;
            bytes = nowBytes;
            messages = nowMessages;
            if (strikes >= 2) {
                connection.getEndPoint().close();
                return;
            }
            schedule();
        }
    }
}
