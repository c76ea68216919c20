package dev.maml.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index as {@code git ls-files -s -z} lists it: for each path at stage 0, its mode and blob id.
 * Content is read by id ({@code git cat-file blob ID}), never by a {@code :name} revision, which git
 * parses: a staged file named {@code 0:clean.maml.md} would read {@code clean.maml.md}'s blob. The
 * listing is NUL-separated and unquoted, so names with line breaks or quotes come through whole.
 */
final class StagedIndex {

    /** One stage-0 entry. */
    record Entry(String mode, String id, String path) {
        /** A regular file (not a symlink, whose blob is its target's name, nor a submodule). */
        boolean regularFile() {
            return mode.equals("100644") || mode.equals("100755");
        }
    }

    private final Path top;
    private final Map<String, Entry> entries;

    private StagedIndex(Path top, Map<String, Entry> entries) {
        this.top = top;
        this.entries = entries;
    }

    static StagedIndex read(Path top) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String record : split(Git.run(top, "ls-files", "-s", "-z"))) {
            // "<mode> <id> <stage>\t<path>"
            int tab = record.indexOf('\t');
            String[] meta = tab < 0 ? new String[0] : record.substring(0, tab).split(" ");
            if (meta.length != 3) {
                throw new IOException("git ls-files: unexpected output");
            }
            if (meta[2].equals("0")) {
                entries.put(record.substring(tab + 1), new Entry(meta[0], meta[1], record.substring(tab + 1)));
            }
        }
        return new StagedIndex(top, entries);
    }

    /** The paths added, copied, modified or renamed in the index, as git names them. */
    List<Entry> changed() throws IOException {
        List<Entry> changed = new ArrayList<>();
        for (String name : split(Git.run(top, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"))) {
            Entry e = entries.get(name);
            if (e != null) {
                changed.add(e);
            }
        }
        return changed;
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    byte[] content(Entry entry) throws IOException {
        return Git.run(top, "cat-file", "blob", entry.id());
    }

    private static List<String> split(byte[] listing) {
        List<String> parts = new ArrayList<>();
        for (String part : new String(listing, StandardCharsets.UTF_8).split("\0")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
