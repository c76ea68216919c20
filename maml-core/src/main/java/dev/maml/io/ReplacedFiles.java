package dev.maml.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Frees a large file that a rename replaces off the writer's path. The rename that drops a file's
 * last name also frees its blocks and page cache on the spot: 60-100 ms for a 256 MiB container
 * (docs/performance.md, issue 15). Given a second name first ({@link #keepAside}), the replaced file
 * outlives the rename, which becomes cheap, and the second name is deleted on a background thread.
 * The JVM waits for those deletions before it exits; one left by a process that died is a temp
 * name of the target ({@code .NAME.PID.N.tmp}) and is removed by the next write of that target.
 */
final class ReplacedFiles {

    /** Files smaller than this are freed in the rename: a link and a thread would cost more. */
    static final long LARGE = 8L << 20;

    private ReplacedFiles() {
    }

    /** The deleting thread, made (and the JVM's exit told to wait for it) at the first deletion. */
    private static final class Deleter {
        static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "maml-replaced-files");
            thread.setDaemon(true);
            return thread;
        });

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                THREAD.shutdown();
                try {
                    THREAD.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // exit anyway: the next write removes what is left
                }
            }, "maml-replaced-files-exit"));
        }
    }

    /**
     * Gives {@code target} a second name in its directory ({@code prefix + N + suffix}), or returns
     * null (the rename then frees it): no file, a small one, or a filesystem without hard links.
     * {@code target} was checked to be a regular file; were it swapped since, link(2) does not follow
     * a symbolic link, and the second name is only ever deleted.
     */
    static Path keepAside(Path target, String prefix, String suffix) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() < LARGE) {
                return null;
            }
            Path aside = target.resolveSibling(prefix + (ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + suffix);
            return Files.createLink(aside, target);
        } catch (FileAlreadyExistsException e) {
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return null; // gone, or no hard links here: the rename frees it, as without this
        }
    }

    /** Deletes the second name in the background (here when the JVM is already exiting). */
    static void delete(Path aside) {
        try {
            Deleter.THREAD.execute(() -> deleteNow(aside));
        } catch (RejectedExecutionException e) {
            deleteNow(aside);
        }
    }

    private static void deleteNow(Path aside) {
        try {
            Files.deleteIfExists(aside);
        } catch (IOException e) {
            // left for the next write of the target, which removes temp names of dead processes
        }
    }

    /** Waits for the deletions asked for so far (tests). */
    static void awaitDeletions() throws Exception {
        Deleter.THREAD.submit(() -> { }).get();
    }
}
