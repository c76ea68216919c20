package dev.maml.cli.cache;

/** How `maml lint --cache` decides a file is unchanged ({@code --cache-strategy}; see docs/lint.md). */
public enum CacheStrategy {
    /** Read and hash every file: nothing is trusted but the content (the default). */
    CONTENT,
    /**
     * A file whose size and modification time equal the entry's is taken as unchanged without
     * being read, as ESLint's {@code --cache-strategy metadata}; any difference falls back to the hash.
     */
    METADATA
}
