/*
 * MAML structure lexer (spec sections 2, 4, 7).
 *
 * Every token is either a whole line without its '\n' or a line break (NEWLINE, FM_NEWLINE), so every token starts at the
 * beginning of a line: content rules all end in ~[\n]* and TEXT matches any whole line, so by
 * ANTLR's longest-match rule the winner always runs to the end of its line; ties go to the rule
 * written first. A CR before '\n' stays inside the line token (CRLF files), and a lone CR is
 * content, never a line break: the spec's line endings are LF and CRLF only.
 *
 * Modes: DEFAULT_MODE is the Markdown body, FRONT_MATTER the YAML block (UNCLOSED_FRONT_MATTER when
 * no "---" line closes it).
 * BOM_MODE is chosen by the caller when the text starts with U+FEFF, so that the BOM is a token of
 * its own and never hides the front matter delimiter on line 1.
 *
 * Which body lines are fences, fence content and headings is CommonMark's block structure (list
 * items, block quotes, HTML blocks), which no line pattern can tell: StructureTokens asks
 * dev.maml.parse.markdown.BlockScanner about every body line and gives it its type, one of the
 * types declared below; every other body line keeps the type its pattern here gives it.
 */
lexer grammar MamlLexer;

// given by StructureTokens, never matched here
tokens { H2, HEADING, FENCE_OPEN, FENCE_CLOSE, CODE_LINE, CODE_NEWLINE }

@members {
    private boolean afterBom;

    /** The front matter opens only on line 1, right after an optional BOM. */
    private boolean atDocumentStart() {
        return _tokenStartCharIndex == 0 || (_tokenStartCharIndex == 1 && afterBom);
    }

    /** Looks ahead once, when the front matter opens, for a closing "---" line. */
    private boolean closingDelimiterFollows() {
        int i = 1;
        while (true) {
            int c = _input.LA(i);
            if (c == IntStream.EOF) return false;
            if (c == '\n') {
                if (_input.LA(i + 1) == '-' && _input.LA(i + 2) == '-' && _input.LA(i + 3) == '-') {
                    int j = i + 4;
                    while (_input.LA(j) == ' ' || _input.LA(j) == '\t' || _input.LA(j) == '\r') j++;
                    int end = _input.LA(j);
                    if (end == '\n' || end == IntStream.EOF) return true;
                }
            }
            i++;
        }
    }
}

// A "---" line anywhere but line 1 is text (a thematic break). Decided in actions rather than
// predicates here and below: ANTLR never caches lexer DFA transitions into a state with a predicate,
// so a predicate on a common line makes every such line a slow full ATN simulation.
FM_OPEN
    : '---' [ \t\r]* {
        if (atDocumentStart()) {
            pushMode(closingDelimiterFollows() ? FRONT_MATTER : UNCLOSED_FRONT_MATTER);
        } else {
            setType(TEXT);
        }
    }
    ;

HISTORY_ENTRY : '-' [ \t]+ TIMESTAMP ':' [ \t]* '[' [A-Za-z_]+ ']' ~[\n]* ;

LIST_ITEM : INDENT [-*+] ([ \t] ~[\n]*)? ;

KEY_VALUE : [A-Za-z_] [A-Za-z0-9_.\-]* ':' ~[\n]* ;

NEWLINE : '\n' ;

TEXT : ~[\n]+ ;

fragment INDENT : ' '? ' '? ' '? ;
fragment D : [0-9] ;
fragment TIMESTAMP : D D D D '-' D D '-' D D ([Tt ] D D ':' D D (':' D D ('.' D+)?)? ([Zz] | [+\-] D D (':'? D D)?)?)? ;

mode FRONT_MATTER;

FM_CLOSE : '---' [ \t\r]* -> popMode ;

FM_NEWLINE : '\n' ;

YAML_LINE : ~[\n]+ ;

// A front matter with no closing "---" line ends at the first "## " heading line (spec section 2).
// Its rules only reuse token types, so the parser's token numbers stay as they are.
mode UNCLOSED_FRONT_MATTER;

FM_ABANDON : '##' ([ \t\r] ~[\n]*)? -> type(H2), popMode ;

UNCLOSED_NEWLINE : '\n' -> type(FM_NEWLINE) ;

UNCLOSED_LINE : ~[\n]+ -> type(YAML_LINE) ;

mode BOM_MODE;

BOM : '\uFEFF' { afterBom = true; } -> mode(DEFAULT_MODE) ;
