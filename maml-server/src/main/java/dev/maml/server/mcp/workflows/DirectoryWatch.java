package dev.maml.server.mcp.workflows;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Calls {@code onChange} on a daemon thread when the directory's entries change, once the changes
 * have been quiet for {@code debounce} (an editor's save, or `maml sign` writing a temporary file
 * and renaming it, is several events), and in any case every {@code rescan}: the WatchService may
 * miss events (overflow; a polling implementation on some platforms; it cannot be had at all), and
 * what decides a listing also lives outside the directory (the trust stores, key files), so a
 * periodic rescan is the fallback that always holds. Only entries {@code watched} accepts count:
 * the receipts that runs write into the directory are not documents, and must not make every run
 * trigger a rescan. A failing {@code onChange} is reported to {@code log} and the watch goes on.
 */
final class DirectoryWatch implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final @Nullable WatchService watcher;
    private final Duration debounce;
    private final Duration rescan;
    private final Runnable onChange;
    private final Predicate<Path> watched;
    private final Consumer<String> log;
    private final Thread thread;
    private volatile boolean closed;

    /** @param watched which entry names (relative to the directory) are worth a rescan when they change */
    DirectoryWatch(Path directory, Duration debounce, Duration rescan, Predicate<Path> watched, Runnable onChange,
                   Consumer<String> log) {
        this.debounce = debounce;
        this.rescan = rescan;
        this.watched = watched;
        this.onChange = onChange;
        this.log = log;
        this.watcher = register(directory, log);
        this.thread = new Thread(this::loop, "maml-mcp-workflows-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** A WatchService on the directory, or null (with a note on stderr) when the platform will not give one. */
    private static @Nullable WatchService register(Path directory, Consumer<String> log) {
        WatchService service = null;
        try {
            service = directory.getFileSystem().newWatchService();
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(service);
            log.accept("maml mcp: cannot watch " + directory + " (" + e.getMessage() + "); rescanning it"
                    + " periodically instead");
            return null;
        }
    }

    private void loop() {
        long nextRescan = System.nanoTime() + rescan.toNanos();
        long quietAt = Long.MAX_VALUE;
        while (!closed) {
            long now = System.nanoTime();
            if (now >= quietAt || now >= nextRescan) {
                quietAt = Long.MAX_VALUE;
                nextRescan = now + rescan.toNanos();
                changed();
                continue;
            }
            long waitNanos = Math.min(quietAt, nextRescan) - now;
            try {
                if (awaitEvents(waitNanos)) {
                    quietAt = System.nanoTime() + debounce.toNanos();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
        }
    }

    /**
     * Waits up to {@code nanos} for events; true when one of them concerns a watched entry, or events
     * were lost (overflow). They are consumed: only "something changed" matters.
     */
    private boolean awaitEvents(long nanos) throws InterruptedException {
        if (watcher == null) {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return false;
        }
        WatchKey key = watcher.poll(nanos, TimeUnit.NANOSECONDS);
        if (key == null) {
            return false;
        }
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW
                    || event.context() instanceof Path name && watched.test(name);
        }
        key.reset();
        return relevant;
    }

    private void changed() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.accept("maml mcp: updating the workflow tools failed: " + e);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(watcher);
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(@Nullable WatchService service) {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // closing releases the OS watch; there is nothing left to do if that fails
            }
        }
    }
}
