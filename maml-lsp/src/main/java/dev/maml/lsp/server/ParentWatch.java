package dev.maml.lsp.server;

import java.util.Optional;

/**
 * Exits the server when the editor that started it dies without saying goodbye (the processId of
 * {@code initialize}), so no orphaned servers pile up. A process we cannot see is not watched.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenGone(long pid, Runnable exit) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || pid == ProcessHandle.current().pid()) {
            return;
        }
        parent.get().onExit().thenRun(exit);
    }
}
