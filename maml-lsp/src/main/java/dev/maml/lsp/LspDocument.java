package dev.maml.lsp;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Source;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One version of an open document: its URI, the editor's version number and the text. The parse is
 * made on first use and shared by every feature that asks for this version.
 */
public final class LspDocument {

    private final String uri;
    private final int version;
    private final String text;
    private final Path path;
    private volatile MamlDocument parsed;
    private volatile Memo memo;

    public LspDocument(String uri, int version, String text) {
        this.uri = uri;
        this.version = version;
        this.text = text;
        this.path = pathOf(uri);
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

    public MamlDocument parsed() {
        MamlDocument p = parsed;
        if (p == null) {
            p = DocumentParser.parse(text);
            parsed = p;
        }
        return p;
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
        return new LspDocument(uri, newVersion, newText);
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
