package dev.maml.server.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The event streams of the mounted servlets (a GET left open asynchronously, as MCP's GET /mcp),
 * ended when a stop begins ({@link #endAll()}). A graceful stop waits for every request under way, and
 * an idle stream only ends when its client or its session goes, so without this a stop would wait
 * its whole bound for each stream. Only GET streams are ended: a POST under way (an MCP tool call,
 * whose answer the SDK may also send as a stream) finishes as any other request does. Ending a
 * stream completes its response: the client sees the stream end and may reconnect, and a stream
 * opened after the stop began is ended at once.
 */
final class EventStreams implements Filter {

    private final Set<AsyncContext> open = new HashSet<>();
    private boolean ending;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if ("GET".equals(((HttpServletRequest) request).getMethod()) && request.isAsyncStarted()) {
            track(request);
        }
    }

    /** Ends every stream open now and every one opened from now on. */
    void endAll() {
        List<AsyncContext> streams;
        synchronized (this) {
            ending = true;
            streams = new ArrayList<>(open);
            open.clear();
        }
        streams.forEach(EventStreams::end);
    }

    private void track(ServletRequest request) {
        AsyncContext stream;
        try {
            stream = request.getAsyncContext();
        } catch (IllegalStateException completedMeanwhile) {
            return; // the servlet ended it already
        }
        synchronized (this) {
            if (!ending) {
                try {
                    stream.addListener(new Forget(stream));
                } catch (IllegalStateException completedMeanwhile) {
                    return;
                }
                open.add(stream);
                return;
            }
        }
        end(stream);
    }

    private synchronized void forget(AsyncContext stream) {
        open.remove(stream);
    }

    private static void end(AsyncContext stream) {
        try {
            stream.complete();
        } catch (IllegalStateException completedMeanwhile) {
            // It ended on its own (its client left, or the servlet closed it) while the stop began.
        }
    }

    /** Drops a stream from the set once it ended, however it ended. */
    private final class Forget implements AsyncListener {
        private final AsyncContext stream;

        Forget(AsyncContext stream) {
            this.stream = stream;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            forget(stream);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            forget(stream);
        }

        @Override
        public void onError(AsyncEvent event) {
            forget(stream);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // Not restarted by the servlets mounted here; nothing to track anew.
        }
    }
}
