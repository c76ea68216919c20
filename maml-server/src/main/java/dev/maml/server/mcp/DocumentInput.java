package dev.maml.server.mcp;

import dev.maml.io.InputFiles;
import dev.maml.model.FileKind;
import dev.maml.toolchain.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a tool's arguments into the document to work on: the text itself ({@code document}, under
 * the file name {@code name}), or a file inside the workflows directory ({@code path}; one that
 * leaves the directory, by {@code ..}, an absolute path or a symbolic link, is refused).
 */
final class DocumentInput {

    /**
     * 2 MiB. The stdio transport reads one JSON-RPC message per line, at most 16 MiB, and JSON may
     * escape a character into six, so a larger document could not always reach the server; real
     * documents are a few kilobytes. Files in the workflows directory are read with the same limit.
     */
    static final int MAX_DOCUMENT_BYTES = 2 << 20;

    private static final String DEFAULT_NAME = "document.maml.md";

    private final @Nullable Path workflows;

    /** @param workflows the real path of the workflows directory, or null when the server has none */
    DocumentInput(@Nullable Path workflows) {
        this.workflows = workflows;
    }

    /** A document given by {@code textKey} or {@code pathKey}: exactly one of them. */
    Document require(Map<String, Object> args, String textKey, String pathKey) throws ToolException, IOException {
        Document doc = optional(args, textKey, pathKey);
        if (doc == null) {
            throw new ToolException("give the document as '" + textKey + "' (its text) or '" + pathKey
                    + "' (a file in the workflows directory)");
        }
        return doc;
    }

    /** The document {@code textKey} or {@code pathKey} names, or null when neither is given. */
    @Nullable Document optional(Map<String, Object> args, String textKey, String pathKey) throws ToolException, IOException {
        Object text = args.get(textKey);
        Object path = args.get(pathKey);
        if (text != null && path != null) {
            throw new ToolException("give '" + textKey + "' or '" + pathKey + "', not both");
        }
        if (text != null) {
            return fromText(string(args, textKey), name(args));
        }
        return path == null ? null : fromFile(string(args, pathKey));
    }

    private static Document fromText(String text, String name) throws ToolException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new ToolException("document: " + bytes.length + " bytes, larger than the limit of " + MAX_DOCUMENT_BYTES
                    + " bytes for a document sent over MCP");
        }
        FileKind kind = FileKind.named(fileName(name));
        return new Document(Source.of(text, null, kind), name, null);
    }

    private Document fromFile(String relative) throws ToolException, IOException {
        Path file = inside(relative);
        return new Document(Source.of(InputFiles.read(file, MAX_DOCUMENT_BYTES), file), relative, file);
    }

    /** The real file {@code relative} names in the workflows directory; refused when it leads out of it. */
    Path inside(String relative) throws ToolException, IOException {
        if (workflows == null) {
            throw new ToolException("path: this server has no workflows directory (start it with --workflows DIR)");
        }
        Path file;
        try {
            file = workflows.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new ToolException("path: not a file name: " + e.getReason());
        }
        if (!file.startsWith(workflows)) {
            throw new ToolException("path: " + relative + ": outside the workflows directory");
        }
        if (!Files.exists(file)) {
            throw new ToolException("path: " + relative + ": no such file in the workflows directory");
        }
        Path real = file.toRealPath();
        if (!real.startsWith(workflows)) {
            throw new ToolException("path: " + relative + ": a link that leads outside the workflows directory");
        }
        return real;
    }

    private static String name(Map<String, Object> args) throws ToolException {
        return args.get("name") == null ? DEFAULT_NAME : string(args, "name");
    }

    private static Path fileName(String name) throws ToolException {
        try {
            Path p = Path.of(name).getFileName();
            if (p == null || p.toString().isBlank()) {
                throw new ToolException("name: not a file name: '" + name + "'");
            }
            return p;
        } catch (InvalidPathException e) {
            throw new ToolException("name: not a file name: " + e.getReason());
        }
    }

    static String string(Map<String, Object> args, String key) throws ToolException {
        if (!(args.get(key) instanceof String s)) {
            throw new ToolException(key + ": expected a string");
        }
        return s;
    }

    /**
     * A document to work on: its source, the name results show for it, and the file when it came
     * from the workflows directory (null for text).
     */
    record Document(Source source, String display, @Nullable Path file) {
    }
}
