package dev.maml.toolchain;

import dev.maml.io.InputFiles;
import dev.maml.model.FileKind;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.StrictUtf8;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One document handed to the {@link Toolchain}: a file's raw bytes (invalid UTF-8 and NUL bytes
 * become findings) or an editor's decoded text, the path it stands for (null for unnamed stdin or an
 * untitled buffer; it picks the lint config, the ignores and where relative key paths start) and
 * its kind.
 */
public final class Source {

    private final byte @Nullable [] bytes;
    private final @Nullable String text;
    private final @Nullable MamlDocument parsed;
    private final @Nullable Path path;
    private final FileKind kind;

    private Source(byte @Nullable [] bytes, @Nullable String text, @Nullable MamlDocument parsed, @Nullable Path path,
                   FileKind kind) {
        this.bytes = bytes;
        this.text = text;
        this.parsed = parsed;
        this.path = path;
        this.kind = kind;
    }

    /**
     * Content under {@code path}'s name (a file, stdin given a name, a staged blob); its kind follows
     * the name. The array is not copied (documents may be large): do not change it afterwards.
     */
    public static Source of(byte[] bytes, @Nullable Path path) {
        return new Source(bytes, null, null, path, kindOf(path));
    }

    /** Decoded text (an editor's buffer) under {@code path}'s name. */
    public static Source of(String text, @Nullable Path path, FileKind kind) {
        return new Source(null, text, null, path, kind);
    }

    /** An editor's buffer already parsed for its other features: linting it does not parse it again. */
    public static Source parsed(MamlDocument document, @Nullable Path path, FileKind kind) {
        return new Source(null, document.text(), document, path, kind);
    }

    /** A file on disk, refused when larger than {@code maxBytes} ({@link Session#read} reads with the session's limit). */
    public static Source read(Path file, long maxBytes) throws IOException {
        return new Source(InputFiles.read(file, maxBytes), null, null, file, kindOf(file));
    }

    /** A file named explicitly is a document unless it is a {@code .mu}; unnamed content is a document. */
    private static FileKind kindOf(@Nullable Path path) {
        return path == null ? FileKind.DOCUMENT : FileKind.named(path);
    }

    /** The path as given (messages name it so), or null. */
    public @Nullable Path path() {
        return path;
    }

    public FileKind kind() {
        return kind;
    }

    /** The directory relative key paths start from, or null for content without a path. */
    public @Nullable Path directory() {
        return path == null ? null : path.toAbsolutePath().normalize().getParent();
    }

    public MamlDocument parse() {
        if (parsed != null) {
            return parsed;
        }
        return bytes != null ? DocumentParser.parse(bytes) : DocumentParser.parse(text);
    }

    /** The bytes as given (not a copy: read only), or the text as UTF-8. */
    public byte[] bytes() {
        return bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text, or null when the bytes are not valid UTF-8 (it could not be written back unchanged). */
    public @Nullable String text() {
        if (text != null) {
            return text;
        }
        try {
            return StrictUtf8.decode(bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
