package dev.maml.cli;

import dev.maml.cli.shard.FilesFrom;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --files-from FILE|-} and {@code -0}, one option pair for every command that takes PATHs
 * from a list ({@code maml-run}/{@code run-batch}, {@code maml lint}); what a list may hold is
 * {@link FilesFrom}'s.
 */
final class FilesFromOptions {

    @Option(names = "--files-from", paramLabel = "FILE", description = "Also take the paths listed in FILE ('-': standard input),"
            + " one per line, relative to the current directory; each must exist; names of other than MAML files are passed over.")
    String source;

    @Option(names = {"-0", "--null"}, description = "--files-from paths are separated by NUL bytes (git diff -z, find -print0).")
    boolean nul;

    boolean given() {
        return source != null;
    }

    boolean fromStandardInput() {
        return "-".equals(source);
    }

    /** The listed paths, as PATH arguments (none without --files-from); a listed path that does not exist is exit 2. */
    List<String> paths(InputStream stdin) {
        if (source == null) {
            if (nul) {
                throw new UsageException("-0 needs --files-from");
            }
            return List.of();
        }
        try {
            return FilesFrom.read(source, nul, stdin);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--files-from " + Failures.describe(e));
        }
    }
}
