package dev.maml.parse.markdown;

/** What one line is to the MAML structure, once CommonMark's block structure has placed it. */
public enum LineKind {
    /** The opening line of a fenced code block, at any depth (in a list item, a block quote). */
    FENCE_OPEN,
    /** The closing fence of the open fenced code block. */
    FENCE_CLOSE,
    /** A line of the open fenced code block's content. */
    FENCE_CONTENT,
    /** An ATX heading of level 2 at the top level of the document: a section. */
    SECTION_HEADING,
    /** An ATX heading of another level at the top level of the document. */
    HEADING,
    /** Anything else: prose, list items, block quotes, HTML, indented code, headings inside containers. */
    OTHER
}
