package dev.maml.parse;

/**
 * The token types of the structure: the rules of grammar/MamlLexer.g4 (same names), and the types
 * {@link StructureTokens} gives body lines once CommonMark's block structure is known.
 */
enum LineType {
    /** A byte order mark before line 1. */
    BOM,
    /** Line 1 is "---": the front matter opens. */
    FM_OPEN,
    /** The "---" line that closes the front matter. */
    FM_CLOSE,
    /** A line break inside the front matter. */
    FM_NEWLINE,
    /** A line of the front matter. */
    YAML_LINE,
    /** "- timestamp: [VERB] text" */
    HISTORY_ENTRY,
    /** A bullet list item line. */
    LIST_ITEM,
    /** "key: value" */
    KEY_VALUE,
    /** A line break in the body. */
    NEWLINE,
    /** Any other body line. */
    TEXT,
    /** A level-2 ATX heading at the top level: a section starts. */
    H2,
    /** Any other top-level ATX heading. */
    HEADING,
    /** The opening line of a fenced code block. */
    FENCE_OPEN,
    /** Its closing line. */
    FENCE_CLOSE,
    /** A line of its code. */
    CODE_LINE,
    /** A line break inside it. */
    CODE_NEWLINE,
    /** The end of the text. */
    EOF
}
