package dev.maml.sandbox;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a child's output stream to its end on its own thread, so a block that fills one pipe while
 * the runtime waits on the other cannot deadlock, and keeps only what {@link Capture} keeps. The
 * first byte beyond {@code limit} calls {@code onOverflow} once; reading goes on (and discards) so
 * the child never blocks on a full pipe while it is being killed.
 */
final class Drain implements Runnable {

    private final InputStream in;
    private final Capture capture;
    private final long limit;
    private final Runnable onOverflow;
    private boolean overflowed;

    Drain(InputStream in, Capture capture, long limit, Runnable onOverflow) {
        this.in = in;
        this.capture = capture;
        this.limit = limit;
        this.onOverflow = onOverflow;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                capture.accept(buffer, n);
                if (!overflowed && capture.total() > limit) {
                    overflowed = true;
                    onOverflow.run();
                }
            }
        } catch (IOException e) {
            // the stream closes under us when the sandbox is killed: what was read is what we have
        }
    }
}
