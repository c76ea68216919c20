package dev.maml.toolchain;

import org.jspecify.annotations.Nullable;

/**
 * The canonical form of a document: {@code text} (null when the bytes are not UTF-8: it is left
 * unchanged), whether it differs from the input, and whether the input was signed (a change then
 * breaks the signature).
 */
public record Formatted(@Nullable String text, boolean changed, boolean signed) {
}
