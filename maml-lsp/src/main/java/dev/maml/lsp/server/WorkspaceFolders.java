package dev.maml.lsp.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;

/**
 * The editor's workspace folders: from {@code initialize} ({@code workspaceFolders}, else the
 * older {@code rootUri}), then kept up to date by {@code workspace/didChangeWorkspaceFolders}.
 * Only {@code file:} folders count: the others cannot be walked.
 */
final class WorkspaceFolders {

    private final List<Path> folders = new CopyOnWriteArrayList<>();

    void initialize(InitializeParams params) {
        folders.clear();
        if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
            params.getWorkspaceFolders().forEach(f -> add(f.getUri()));
        } else if (params.getRootUri() != null) {
            add(params.getRootUri());
        }
    }

    void change(WorkspaceFoldersChangeEvent event) {
        if (event == null) {
            return;
        }
        if (event.getRemoved() != null) {
            for (WorkspaceFolder f : event.getRemoved()) {
                path(f.getUri()).ifPresent(folders::remove);
            }
        }
        if (event.getAdded() != null) {
            event.getAdded().forEach(f -> add(f.getUri()));
        }
    }

    List<Path> all() {
        return new ArrayList<>(folders);
    }

    private void add(String uri) {
        path(uri).filter(p -> !folders.contains(p)).ifPresent(folders::add);
    }

    /** The path of a {@code file:} URI, absolute and normalised; empty for any other URI. */
    static Optional<Path> path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Optional.of(Path.of(u).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
