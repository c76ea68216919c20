package dev.maml.parse.markdown;

/**
 * A block that is still open while lines come in: just what decides whether the next line continues
 * it. Inline content is never kept; the scanner only needs the structure.
 */
final class OpenBlock {

    enum Type { DOCUMENT, BLOCK_QUOTE, LIST_ITEM, PARAGRAPH, HEADING, THEMATIC_BREAK, FENCED_CODE, INDENTED_CODE, HTML }

    final Type type;
    /** A list item: the marker's indent and the columns from it to the content. */
    int markerOffset;
    int padding;
    /** A list item: whether anything has been put in it (an empty item ends at a blank line). */
    boolean hasChild;
    /** A fenced code block: its character, its length and the indent of its opening fence. */
    char fenceChar;
    int fenceLength;
    int fenceOffset;
    /** An HTML block: its kind, 1 to 7, as the spec numbers the start conditions. */
    int htmlKind;

    OpenBlock(Type type) {
        this.type = type;
    }

    /** Whether the block takes the lines that do not start a new block (leaves with text). */
    boolean acceptsLines() {
        return type == Type.PARAGRAPH || type == Type.FENCED_CODE || type == Type.INDENTED_CODE || type == Type.HTML;
    }

    /** Containers hold blocks; leaves hold nothing. */
    boolean isContainer() {
        return type == Type.DOCUMENT || type == Type.BLOCK_QUOTE || type == Type.LIST_ITEM;
    }
}
