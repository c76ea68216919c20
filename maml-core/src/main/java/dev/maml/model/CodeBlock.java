package dev.maml.model;

import org.jspecify.annotations.Nullable;

/**
 * A fenced code block, at any depth (a list item or block quote may hold it, as in CommonMark; its
 * lines then include their container markers). {@code language} is the first word of the info string
 * ("" when there is none); {@code close} is null for a fence never closed, which runs to the end of
 * the text or of the list item or block quote holding it; {@code section} is the name of the
 * enclosing section, or null in the preamble. The code is {@link MamlDocument#code}: the content
 * without what CommonMark removes from its lines (container markers, the opening fence's
 * indentation), which {@code shiftedCode} holds when there is any, and is null otherwise.
 */
public record CodeBlock(char fenceChar, int fenceLength, String info, String language, Range open,
                        Range content, Range close, Range range, String section, @Nullable String shiftedCode) {

    public boolean closed() {
        return close != null;
    }
}
