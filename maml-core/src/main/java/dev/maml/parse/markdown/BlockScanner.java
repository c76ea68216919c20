package dev.maml.parse.markdown;

import dev.maml.parse.markdown.OpenBlock.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * CommonMark's block structure, read one line at a time, kept only as far as MAML needs it: which
 * lines open, continue and close a fenced code block (at any depth: in list items and block quotes)
 * and which are ATX headings at the top level of the document. It follows the spec's parsing
 * strategy (spec 0.31.2, appendix "A parsing strategy"): each line first continues the open
 * containers it can, then may start new blocks, then goes to the innermost open block or starts a
 * paragraph. So a fence inside an HTML block is HTML, a "## " line in a list item is the item's, and
 * a fence ends with the list item or block quote that holds it. Memory is the open blocks only.
 * Link reference definitions are not read: they change no fence and no top-level heading.
 */
public final class BlockScanner {

    /**
     * Blocks one line may open: more would be nesting no document needs, and each start looks at
     * the rest of the line, so a line of a million "> " or "- " markers would take quadratic time.
     * Past it the rest of the line is text of the innermost block.
     */
    static final int MAX_STARTS_PER_LINE = 32;

    private enum Continuation { MATCHED, FAILED, FENCE_CLOSED }

    private enum Start { NONE, CONTAINER, LEAF }

    /** The open blocks, outermost first: the document, its open containers, maybe a leaf. */
    private final List<OpenBlock> open = new ArrayList<>();
    private final Cursor cursor = new Cursor();
    private int container;
    private int lastMatched;
    private boolean allClosed;
    private LineKind kind;
    private int codeStart;
    private int codePadding;
    /** Top-level layout facts about the last line, for the formatter (blank lines markdownlint asks for). */
    private boolean paragraphStarted;
    private boolean setextUnderline;
    private boolean listInterruptsParagraph;
    private boolean topLevelBreak;

    /** The block starts, in the spec's order of precedence. */
    private static final List<Function<BlockScanner, Start>> STARTS = List.of(BlockScanner::blockQuote,
            BlockScanner::atxHeading, BlockScanner::fence, BlockScanner::htmlBlock, BlockScanner::setextHeading,
            BlockScanner::thematicBreak, BlockScanner::listItem, BlockScanner::indentedCode);

    public BlockScanner() {
        open.add(new OpenBlock(Type.DOCUMENT));
    }

    /** Reads the next line (without its line break) and says what it is. */
    public LineKind line(String line) {
        cursor.reset(line);
        kind = LineKind.OTHER;
        paragraphStarted = false;
        setextUnderline = false;
        listInterruptsParagraph = false;
        topLevelBreak = false;
        if (continueOpenBlocks()) {
            return LineKind.FENCE_CLOSE;
        }
        startNewBlocks();
        addLine();
        return kind;
    }

    /**
     * For a {@link LineKind#FENCE_CONTENT} line: where its code starts, past its container markers and
     * the indentation of the opening fence (CommonMark removes both).
     */
    public int codeStart() {
        return codeStart;
    }

    /** For a FENCE_CONTENT line: the spaces that stand for the part of a tab the markers did not use. */
    public int codePadding() {
        return codePadding;
    }

    /** Whether the last line started a paragraph at the top level of the document (not a lazy continuation). */
    public boolean paragraphStarted() {
        return paragraphStarted;
    }

    /** Whether the last line was the underline of a setext heading at the top level (the heading began with the last paragraph start). */
    public boolean setextUnderline() {
        return setextUnderline;
    }

    /** Whether the last line started a list item that ends a top-level paragraph (so a blank line before it changes nothing). */
    public boolean listInterruptsParagraph() {
        return listInterruptsParagraph;
    }

    /** Whether the last line was a thematic break at the top level (it ends whatever was open there). */
    public boolean topLevelBreak() {
        return topLevelBreak;
    }

    /** Whether a fenced code block is open after the last line: the next line may be its content. */
    public boolean inFence() {
        return tip().type == Type.FENCED_CODE;
    }

    // ---- step 1: the open containers the line continues ----------------------------------------

    /** Returns true when the line is the closing fence of the open fenced code block. */
    private boolean continueOpenBlocks() {
        container = 0;
        while (container < open.size() - 1) {
            cursor.findNextNonspace();
            Continuation result = continues(open.get(container + 1));
            if (result == Continuation.FENCE_CLOSED) {
                open.remove(open.size() - 1);
                return true;
            }
            if (result == Continuation.FAILED) {
                break;
            }
            container++;
        }
        allClosed = container == open.size() - 1;
        lastMatched = container;
        return false;
    }

    private Continuation continues(OpenBlock block) {
        return switch (block.type) {
            case BLOCK_QUOTE -> continuesBlockQuote();
            case LIST_ITEM -> continuesListItem(block);
            case FENCED_CODE -> continuesFence(block);
            case INDENTED_CODE -> continuesIndentedCode();
            case HTML -> cursor.blank && block.htmlKind >= 6 ? Continuation.FAILED : Continuation.MATCHED;
            case PARAGRAPH -> cursor.blank ? Continuation.FAILED : Continuation.MATCHED;
            case DOCUMENT, HEADING, THEMATIC_BREAK -> Continuation.FAILED;
        };
    }

    private Continuation continuesBlockQuote() {
        if (cursor.indented() || cursor.peek(cursor.nextNonspace) != '>') {
            return Continuation.FAILED;
        }
        skipBlockQuoteMarker();
        return Continuation.MATCHED;
    }

    private void skipBlockQuoteMarker() {
        cursor.advanceNextNonspace();
        cursor.advance(1, false);
        if (Cursor.isSpaceOrTab(cursor.peek(cursor.offset))) {
            cursor.advance(1, true);
        }
    }

    private Continuation continuesListItem(OpenBlock item) {
        if (cursor.blank) {
            if (!item.hasChild) {
                return Continuation.FAILED;
            }
            cursor.advanceNextNonspace();
        } else if (cursor.indent >= item.markerOffset + item.padding) {
            cursor.advance(item.markerOffset + item.padding, true);
        } else {
            return Continuation.FAILED;
        }
        return Continuation.MATCHED;
    }

    private Continuation continuesFence(OpenBlock fence) {
        if (cursor.indent <= 3 && cursor.peek(cursor.nextNonspace) == fence.fenceChar) {
            if (LineShapes.closesFence(cursor.line, cursor.nextNonspace, fence.fenceChar, fence.fenceLength)) {
                return Continuation.FENCE_CLOSED;
            }
        }
        for (int i = fence.fenceOffset; i > 0 && Cursor.isSpaceOrTab(cursor.peek(cursor.offset)); i--) {
            cursor.advance(1, true);
        }
        return Continuation.MATCHED;
    }

    private Continuation continuesIndentedCode() {
        if (cursor.indent >= Cursor.CODE_INDENT) {
            cursor.advance(Cursor.CODE_INDENT, true);
        } else if (cursor.blank) {
            cursor.advanceNextNonspace();
        } else {
            return Continuation.FAILED;
        }
        return Continuation.MATCHED;
    }

    // ---- step 2: new blocks the line starts ----------------------------------------------------

    private void startNewBlocks() {
        boolean matchedLeaf = open.get(container).type != Type.PARAGRAPH && open.get(container).acceptsLines();
        for (int starts = 0; !matchedLeaf; starts++) {
            cursor.findNextNonspace();
            if (!cursor.indented() && !maybeSpecial(cursor.peek(cursor.nextNonspace))) {
                cursor.advanceNextNonspace();
                return;
            }
            Start started = starts < MAX_STARTS_PER_LINE ? start() : Start.NONE;
            if (started == Start.NONE) {
                cursor.advanceNextNonspace();
                return;
            }
            container = open.size() - 1;
            matchedLeaf = started == Start.LEAF;
        }
    }

    private static boolean maybeSpecial(int c) {
        return c != -1 && "#`~*+_=<>0123456789-".indexOf(c) >= 0;
    }

    /** Tries the block starts in the spec's order of precedence. */
    private Start start() {
        for (Function<BlockScanner, Start> start : STARTS) {
            Start started = start.apply(this);
            if (started != Start.NONE) {
                return started;
            }
        }
        return Start.NONE;
    }

    private Start blockQuote() {
        if (cursor.indented() || cursor.peek(cursor.nextNonspace) != '>') {
            return Start.NONE;
        }
        skipBlockQuoteMarker();
        closeUnmatched();
        addChild(new OpenBlock(Type.BLOCK_QUOTE));
        return Start.CONTAINER;
    }

    private Start atxHeading() {
        int level = cursor.indented() ? 0 : LineShapes.atxLevel(cursor.line, cursor.nextNonspace);
        if (level == 0) {
            return Start.NONE;
        }
        closeUnmatched();
        addChild(new OpenBlock(Type.HEADING));
        if (open.size() == 2) {
            kind = level == 2 ? LineKind.SECTION_HEADING : LineKind.HEADING;
        }
        cursor.advanceToEnd();
        return Start.LEAF;
    }

    private Start fence() {
        int length = cursor.indented() ? 0 : LineShapes.openingFence(cursor.line, cursor.nextNonspace);
        if (length == 0) {
            return Start.NONE;
        }
        closeUnmatched();
        OpenBlock fence = new OpenBlock(Type.FENCED_CODE);
        fence.fenceChar = cursor.line.charAt(cursor.nextNonspace);
        fence.fenceLength = length;
        fence.fenceOffset = cursor.indent;
        addChild(fence);
        cursor.advanceNextNonspace();
        cursor.advance(fence.fenceLength, false);
        kind = LineKind.FENCE_OPEN;
        return Start.LEAF;
    }

    private Start htmlBlock() {
        if (cursor.indented() || cursor.peek(cursor.nextNonspace) != '<') {
            return Start.NONE;
        }
        boolean lazyParagraph = !allClosed && !cursor.blank && tip().type == Type.PARAGRAPH;
        int htmlKind = HtmlBlocks.start(cursor, open.get(container).type != Type.PARAGRAPH && !lazyParagraph);
        if (htmlKind == 0) {
            return Start.NONE;
        }
        closeUnmatched();
        OpenBlock html = new OpenBlock(Type.HTML);
        html.htmlKind = htmlKind;
        addChild(html);
        return Start.LEAF;
    }

    /** The underline turns the paragraph above into a heading; setext headings are never sections. */
    private Start setextHeading() {
        if (cursor.indented() || open.get(container).type != Type.PARAGRAPH
                || !LineShapes.setextUnderline(cursor.line, cursor.nextNonspace)) {
            return Start.NONE;
        }
        setextUnderline = container == 1;
        closeUnmatched();
        open.set(open.size() - 1, new OpenBlock(Type.HEADING));
        cursor.advanceToEnd();
        return Start.LEAF;
    }

    private Start thematicBreak() {
        if (cursor.indented() || !LineShapes.thematicBreak(cursor.line, cursor.nextNonspace)) {
            return Start.NONE;
        }
        closeUnmatched();
        addChild(new OpenBlock(Type.THEMATIC_BREAK));
        topLevelBreak = open.size() == 2;
        cursor.advanceToEnd();
        return Start.LEAF;
    }

    private Start listItem() {
        OpenBlock item = ListMarkers.read(cursor, open.get(container).type == Type.PARAGRAPH);
        if (item == null) {
            return Start.NONE;
        }
        listInterruptsParagraph = container == 1 && open.get(container).type == Type.PARAGRAPH;
        closeUnmatched();
        addChild(item);
        return Start.CONTAINER;
    }

    private Start indentedCode() {
        if (!cursor.indented() || tip().type == Type.PARAGRAPH || cursor.blank) {
            return Start.NONE;
        }
        cursor.advance(Cursor.CODE_INDENT, true);
        closeUnmatched();
        addChild(new OpenBlock(Type.INDENTED_CODE));
        return Start.LEAF;
    }

    // ---- step 3: where the rest of the line goes -----------------------------------------------

    private void addLine() {
        if (!allClosed && !cursor.blank && tip().type == Type.PARAGRAPH) {
            return; // a lazy continuation line of the open paragraph
        }
        closeUnmatched();
        OpenBlock target = open.get(container);
        if (target.acceptsLines()) {
            if (target.type == Type.FENCED_CODE && kind == LineKind.OTHER) {
                kind = LineKind.FENCE_CONTENT;
                codeStart = cursor.partiallyConsumedTab ? cursor.offset + 1 : cursor.offset;
                codePadding = cursor.partiallyConsumedTab ? 4 - (cursor.column % 4) : 0;
            } else if (target.type == Type.HTML && HtmlBlocks.ends(target.htmlKind, cursor)) {
                open.remove(open.size() - 1);
            }
        } else if (cursor.offset < cursor.line.length() && !cursor.blank) {
            addChild(new OpenBlock(Type.PARAGRAPH));
            paragraphStarted = open.size() == 2;
        }
    }

    // ---- the open blocks -----------------------------------------------------------------------

    private OpenBlock tip() {
        return open.get(open.size() - 1);
    }

    /** Closes the blocks the line did not continue, once it is clear it does not continue them lazily. */
    private void closeUnmatched() {
        if (!allClosed) {
            while (open.size() - 1 > lastMatched) {
                open.remove(open.size() - 1);
            }
            allClosed = true;
        }
    }

    /** Leaves hold no blocks: an open one is closed first. */
    private void addChild(OpenBlock block) {
        while (!tip().isContainer()) {
            open.remove(open.size() - 1);
        }
        tip().hasChild = true;
        open.add(block);
    }
}
