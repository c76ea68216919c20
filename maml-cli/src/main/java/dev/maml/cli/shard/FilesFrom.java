package dev.maml.cli.shard;

import dev.maml.io.InputFiles;
import dev.maml.model.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paths of {@code --files-from FILE|-}: one per line (LF or CRLF; blank lines are skipped), or
 * separated by NUL bytes with {@code -0}, which any file name can be written in (as
 * {@code git diff -z} and {@code find -print0} write them). Relative paths start at the current
 * directory. A listed file whose name is no MAML file's ({@code *.maml.md}, {@code *.maml.markdown},
 * {@code *.mu}) is passed over, so a CI step can list every changed file. Every other path must exist:
 * a deleted document must not pass unnoticed ({@code git diff --diff-filter=d} leaves them out).
 */
public final class FilesFrom {

    private FilesFrom() {
    }

    /**
     * The listed paths as PATH arguments, or IllegalArgumentException naming the first one that does
     * not exist (and where it is listed).
     */
    public static List<String> read(String source, boolean nul, InputStream stdin) throws IOException {
        boolean standardInput = source.equals("-");
        String name = standardInput ? "standard input" : source;
        byte[] bytes = standardInput ? InputFiles.read(stdin, name) : InputFiles.read(Path.of(source));
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] entries = nul ? text.split("\0", -1) : text.split("\r?\n", -1);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            Path path = Path.of(entry);
            if (entry.isBlank() || !Files.isDirectory(path) && FileKind.of(path).isEmpty()) {
                continue;
            }
            if (!Files.exists(path)) {
                String where = nul ? "entry " + (i + 1) : "line " + (i + 1);
                throw new IllegalArgumentException("--files-from " + name + ", " + where + ": " + entry + ": no such file");
            }
            // A listed name is a file, never an exclusion pattern: "./!x" is the file "!x".
            paths.add(entry.startsWith("!") ? "./" + entry : entry);
        }
        return paths;
    }
}
