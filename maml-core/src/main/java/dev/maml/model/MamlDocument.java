package dev.maml.model;

import dev.maml.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * A parsed MAML document. Immutable; everything a tool needs to know about the structure, with
 * exact ranges into {@code text}. The parser's own findings (rules MAML001-006, 040, 090-092) are in
 * {@code diagnostics}.
 *
 * @param frontMatter null when the document has none
 * @param headings    every ATX heading at the top level (not in a fence, list item, block quote or
 *                    HTML block, as CommonMark reads it), sections' "##" lines included
 * @param lintMarker  whether {@value #LINT_MARKER} occurs anywhere in the text: only then can it hold
 *                    an inline lint directive (known from the parse, so a re-parse of an edit keeps
 *                    the linter from scanning the whole text for it again)
 */
public record MamlDocument(String text, LineIndex lines, boolean bom, LineEndings lineEndings,
                           FrontMatter frontMatter, Preamble preamble, List<Section> sections,
                           List<Heading> headings, List<CodeBlock> codeBlocks, List<ContextEntry> context,
                           List<SchemaBlock> schemas, List<HistoryEntry> history, List<Diagnostic> diagnostics,
                           boolean lintMarker) {

    /** What every inline lint directive contains. */
    public static final String LINT_MARKER = "maml-lint-";

    public MamlDocument {
        sections = List.copyOf(sections);
        headings = List.copyOf(headings);
        codeBlocks = List.copyOf(codeBlocks);
        context = List.copyOf(context);
        schemas = List.copyOf(schemas);
        history = List.copyOf(history);
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<FrontMatter> optionalFrontMatter() {
        return Optional.ofNullable(frontMatter);
    }

    /** The first section with exactly this name. */
    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.isNamed(name)).findFirst();
    }

    public String text(Range range) {
        return text.substring(range.start(), range.end());
    }

    /** A fenced block's code as CommonMark reads it: its content lines without container markers or fence indentation. */
    public String code(CodeBlock block) {
        return block.shiftedCode() != null ? block.shiftedCode() : text(block.content());
    }
}
