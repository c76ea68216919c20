package dev.maml.security;

import dev.maml.io.AtomicFiles;
import java.nio.file.Path;

/**
 * A process that is killed mid-write: it starts an atomic write of args[0], writes args[1] and a
 * flush, says so on stdout, and waits to be killed with SIGKILL ({@link StaleTempAttackTest}).
 */
public final class KilledWriter {

    private KilledWriter() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), AtomicFiles.OWNER_ONLY, out -> {
            out.write(args[1].getBytes());
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
