package dev.maml.lsp;

import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.parse.IncrementalParser;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Source;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One version of an open document: its URI, the editor's version number and the text. The parse is
 * made on first use and shared by every feature that asks for this version. A version made by an
 * edit keeps the parse of the version it came from (only that one, never a chain) until its own is
 * made: then only the part the edit can have changed is read again ({@link IncrementalParser}).
 */
public final class LspDocument {

    private final String uri;
    private final int version;
    private final String text;
    private final Path path;
    private volatile MamlDocument parsed;
    private volatile LineIndex lines;
    /** An earlier version's parse and the change from its text to this one; null once parsed. */
    private volatile Earlier earlier;
    private volatile Memo memo;

    public LspDocument(String uri, int version, String text) {
        this(uri, version, text, null, null);
    }

    private LspDocument(String uri, int version, String text, LineIndex lines, Earlier earlier) {
        this.uri = uri;
        this.version = version;
        this.text = text;
        this.path = pathOf(uri);
        this.lines = lines;
        this.earlier = earlier;
    }

    private record Earlier(MamlDocument parsed, TextChange change) {
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    /** The file behind a {@code file:} URI, or null (an untitled buffer). */
    public Path path() {
        return path;
    }

    public FileKind kind() {
        String name = path != null ? path.getFileName().toString() : uri.substring(uri.lastIndexOf('/') + 1);
        return FileKind.named(Path.of(name.isEmpty() ? "untitled" : name.replace(':', '_')));
    }

    /** This version for the {@link dev.maml.toolchain.Toolchain}, with the parse the other features share. */
    public Source source() {
        return Source.parsed(parsed(), path, kind());
    }

    /** Whether {@link #parsed()} would answer at once, without parsing or waiting for a parse under way. */
    public boolean isParsed() {
        return parsed != null;
    }

    public synchronized MamlDocument parsed() {
        MamlDocument p = parsed;
        if (p == null) {
            Earlier e = earlier;
            p = e == null ? DocumentParser.parse(text)
                    : IncrementalParser.reparse(e.parsed(), text, e.change().start(), e.change().oldEnd(),
                            e.change().newEnd(), lines);
            parsed = p;
            lines = p.lines();
            earlier = null;
        }
        return p;
    }

    /** The line index of this version's text (the parse's, when it is parsed). */
    public LineIndex lines() {
        MamlDocument p = parsed;
        if (p != null) {
            return p.lines();
        }
        LineIndex l = lines;
        if (l == null) {
            l = new LineIndex(text);
            lines = l;
        }
        return l;
    }

    /**
     * A value derived from this version (the lint outcome), kept for the last {@code key} asked
     * about, so diagnostics and code actions of one version lint it once.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> compute) {
        Memo m = memo;
        if (m != null && m.key == key) {
            return (T) m.value;
        }
        T value = compute.get();
        memo = new Memo(key, value);
        return value;
    }

    private record Memo(Object key, Object value) {
    }

    public LspDocument withText(int newVersion, String newText) {
        return edited(newVersion, newText, TextChange.between(text, newText), null);
    }

    /**
     * The next version: {@code newText} differs from this text by {@code change}; {@code newLines},
     * when known, indexes it. The new version parses from this one's parse (or from the earlier one
     * this version still waits on) rather than from nothing.
     */
    public LspDocument edited(int newVersion, String newText, TextChange change, LineIndex newLines) {
        MamlDocument p = parsed;
        Earlier e = earlier;
        Earlier base = p != null ? new Earlier(p, change) : e != null ? new Earlier(e.parsed(), e.change().then(change)) : null;
        return new LspDocument(uri, newVersion, newText, newLines, base);
    }

    private static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equalsIgnoreCase(u.getScheme()) ? Path.of(u).toAbsolutePath().normalize() : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
