package dev.maml.cli;

import dev.maml.io.DirectorySync;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch's result lines, each passed on only once the receipt it reports is on disk (group
 * commit). The runs write their receipts without forcing the directory
 * ({@link dev.maml.run.RunRequest#receiptSyncedByCaller}) and go on to the next document; one
 * thread here takes every line finished meanwhile, forces each directory they name once
 * ({@link DirectorySync}), then passes the lines on. A receipt's file is on disk before its name
 * exists ({@code AtomicFiles}); the name is, once its directory is forced: so a line that reports
 * a receipt is never passed on before the receipt would survive a crash. A directory that cannot
 * be forced turns its lines into failures.
 */
final class DurableLines implements AutoCloseable {

    private record Pending(Path directory, ObjectNode line) {
    }

    private static final Pending END = new Pending(null, null);

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Consumer<ObjectNode> next;
    private final Thread committer;

    /** @param next receives the lines, one at a time, on the committing thread */
    DurableLines(Consumer<ObjectNode> next) {
        this.next = next;
        this.committer = new Thread(this::commitLoop, "maml-receipt-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** A finished run's line; {@code receipt} is the receipt it reports, or null for none. */
    void add(ObjectNode line, Path receipt) {
        queue.add(new Pending(receipt == null ? null : receipt.toAbsolutePath().normalize().getParent(), line));
    }

    /** Waits until every line added has been passed on. */
    @Override
    public void close() throws InterruptedException {
        queue.add(END);
        committer.join();
    }

    private void commitLoop() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            group.clear();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return; // no one interrupts this thread; if someone does, close() would wait forever: stop
            }
            queue.drainTo(group);
            boolean end = group.remove(END);
            Set<Path> directories = new LinkedHashSet<>();
            group.forEach(p -> {
                if (p.directory() != null) {
                    directories.add(p.directory());
                }
            });
            Map<Path, String> failed = new HashMap<>();
            for (Path dir : directories) {
                try {
                    DirectorySync.sync(dir);
                } catch (IOException e) {
                    failed.put(dir, Failures.describe(e));
                }
            }
            for (Pending p : group) {
                String failure = p.directory() == null ? null : failed.get(p.directory());
                next.accept(failure == null ? p.line() : p.line().put("status", "failed")
                        .put("exit_code", ExitCodes.FAILED)
                        .put("message", "the receipt may not survive a crash: its directory could not be forced to disk: "
                                + failure));
            }
            if (end) {
                return;
            }
        }
    }
}
