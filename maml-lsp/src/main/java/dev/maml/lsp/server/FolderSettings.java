package dev.maml.lsp.server;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import dev.maml.lsp.ServerSettings;
import dev.maml.lsp.diagnostics.Linter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;

/**
 * Which settings apply to a document: those of the innermost workspace folder holding it, as the
 * editor answered {@code workspace/configuration} for that folder (scopeUri, section "maml"), else
 * the settings the editor pushed ({@code initializationOptions}, {@code workspace/didChangeConfiguration}).
 * A folder whose answer is not an object (the editor has nothing for it) uses the pushed settings.
 * Relative paths in a folder's settings are resolved against that folder, those in the pushed
 * settings against the server's working directory. Thread-safe: each change replaces the whole map.
 */
final class FolderSettings {

    static final String SECTION = "maml";

    private final Path workingDirectory;
    private volatile Linter pushed;
    /** Innermost first, so the first folder that holds a path is the one that applies. */
    private volatile Map<Path, Linter> folders = Map.of();

    FolderSettings(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        this.pushed = new Linter(ServerSettings.DEFAULTS, workingDirectory);
    }

    /** New pushed settings; returns their linter, whose problems the editor is told. */
    Linter push(ServerSettings settings) {
        Linter next = new Linter(settings, workingDirectory);
        this.pushed = next;
        return next;
    }

    /** The request that asks the editor for each folder's settings, in the order of {@code list}. */
    static ConfigurationParams request(List<Path> list) {
        List<ConfigurationItem> items = new ArrayList<>();
        for (Path folder : list) {
            ConfigurationItem item = new ConfigurationItem();
            item.setScopeUri(folder.toUri().toString());
            item.setSection(SECTION);
            items.add(item);
        }
        return new ConfigurationParams(items);
    }

    /**
     * The editor's answers to {@link #request} for {@code list}; returns the new folder linters,
     * whose problems the editor is told.
     */
    List<Linter> answered(List<Path> list, List<Object> answers) {
        Map<Path, Linter> next = new LinkedHashMap<>();
        List<Linter> created = new ArrayList<>();
        List<Path> innermostFirst = new ArrayList<>(list);
        innermostFirst.sort((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()));
        for (Path folder : innermostFirst) {
            int i = list.indexOf(folder);
            JsonElement answer = i < answers.size() ? json(answers.get(i)) : null;
            if (answer != null && answer.isJsonObject()) {
                Linter linter = new Linter(ServerSettings.from(answer), folder);
                next.put(folder, linter);
                created.add(linter);
            }
        }
        this.folders = next;
        return created;
    }

    /** Config files may have changed: the same settings everywhere, config caches dropped. */
    void reload() {
        Linter p = pushed;
        this.pushed = new Linter(p.settings(), workingDirectory);
        Map<Path, Linter> next = new LinkedHashMap<>();
        folders.forEach((folder, linter) -> next.put(folder, new Linter(linter.settings(), folder)));
        this.folders = next;
    }

    /** The pushed settings' linter: for what is in no folder. */
    Linter pushed() {
        return pushed;
    }

    /** The linter for the document at {@code uri} (null: no document): its folder's, else the pushed one. */
    Linter forUri(String uri) {
        return uri == null ? pushed : WorkspaceFolders.path(uri).map(this::forPath).orElse(pushed);
    }

    /** The linter for a file (absolute, normalised): its innermost folder's, else the pushed one. */
    Linter forPath(Path file) {
        for (Map.Entry<Path, Linter> e : folders.entrySet()) {
            if (file.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return pushed;
    }

    /** LSP4J hands a result typed Object over as Gson read it: a JsonElement, or a map, list or primitive. */
    private static JsonElement json(Object answer) {
        return answer == null ? null : answer instanceof JsonElement e ? e : new Gson().toJsonTree(answer);
    }

}
