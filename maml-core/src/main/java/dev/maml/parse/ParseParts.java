package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.model.CodeBlock;
import dev.maml.model.ContextEntry;
import dev.maml.model.FrontMatter;
import dev.maml.model.Heading;
import dev.maml.model.HistoryEntry;
import dev.maml.model.SchemaBlock;
import dev.maml.model.Section;
import java.util.List;

/**
 * What the parser read of a document or of a stretch of one, before the document-wide findings are
 * added ({@link TreeBuilder#assemble}). {@code bodyDiagnostics} are the fence and size findings, in
 * document order.
 */
record ParseParts(FrontMatter frontMatter, String title, List<Diagnostic> frontMatterDiagnostics,
                  List<Diagnostic> bodyDiagnostics, List<Section> sections, List<Heading> headings,
                  List<CodeBlock> codeBlocks, List<ContextEntry> context, List<SchemaBlock> schemas,
                  List<HistoryEntry> history, boolean truncated) {
}
