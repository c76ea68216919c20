package dev.maml.lsp.completion;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.Ranges;
import dev.maml.model.CodeBlock;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.Section;
import dev.maml.vocabulary.SectionWord;
import dev.maml.vocabulary.Vocabulary;
import dev.maml.yaml.YamlEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion by where the cursor is: front-matter keys (from the JSON Schema, the ones not yet
 * written) and their values (enum values, a fresh {@code urn:uuid:}, the current UTC time for
 * timestamps); section headings not yet present; fence languages after ```; a History entry with
 * the current time; JSON Schema keywords inside Input_Schema / Output_Schema. Items replace the
 * word being typed, so the editor filters them by it.
 */
public final class CompletionFeature {

    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)(?:-\\s+)?([A-Za-z_$][\\w.$-]*)\\s*:");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})\\s*([\\w+#-]*)$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s*[\\w ]*$");
    private static final Pattern SCHEMA_WORD = Pattern.compile("\"([\\w$]*)$");

    private final FrontMatterSchema schema;
    private final Clock clock;

    public CompletionFeature(FrontMatterSchema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    public CompletionList complete(LspDocument lspDoc, Position position, CancelChecker cancel) {
        MamlDocument doc = lspDoc.parsed();
        LineIndex lines = doc.lines();
        int offset = Ranges.offset(lines, position);
        int line = lines.lineOf(offset);
        Cursor at = new Cursor(doc, offset, line, doc.text().substring(lines.lineStart(line), offset));
        boolean inFrontMatter = inFrontMatter(doc.frontMatter(), lines, line, offset);
        List<CompletionItem> items = ruleIds(at, inFrontMatter)
                .orElseGet(() -> inFrontMatter ? frontMatter(at) : body(at));
        cancel.checkCanceled();
        return new CompletionList(false, items);
    }

    /** What the cursor sees: the document, its offset and line, and the line's text before it. */
    private record Cursor(MamlDocument doc, int offset, int line, String before) {
        Range word(int length) {
            return Range.of(offset - length, offset);
        }
    }

    /** Rule ids and aliases in a disable comment; never inside a code fence, where a comment is code. */
    private static Optional<List<CompletionItem>> ruleIds(Cursor at, boolean inFrontMatter) {
        if (!inFrontMatter && blockAt(at.doc(), at.offset()) != null) {
            return Optional.empty();
        }
        return RuleIdCompletion.at(at.before(), inFrontMatter).map(found -> found.offers().stream().map(o -> {
            CompletionItem item = item(o.label(), CompletionItemKind.EnumMember, at, found.typed(), o.label());
            item.setDetail(o.detail());
            return item;
        }).toList());
    }

    private static boolean inFrontMatter(FrontMatter fm, LineIndex lines, int line, int offset) {
        if (fm == null || line <= lines.lineOf(fm.openDelimiter().start())) {
            return false;
        }
        return fm.closed() ? line < lines.lineOf(fm.closeDelimiter().start()) : offset <= fm.content().end();
    }

    private List<CompletionItem> frontMatter(Cursor at) {
        int indent = indent(at.before());
        List<String> path = parents(at, indent);
        int colon = at.before().indexOf(':');
        if (colon >= 0) {
            Matcher key = KEY_LINE.matcher(at.before());
            if (!key.find()) {
                return List.of();
            }
            path.add(key.group(2));
            String typed = at.before().substring(colon + 1).stripLeading();
            return values(at, path, typed);
        }
        String typed = at.before().substring(indent).replaceFirst("^-\\s*", "");
        Set<String> present = path.isEmpty() ? presentKeys(at.doc()) : Set.of();
        List<CompletionItem> items = new ArrayList<>();
        for (FrontMatterSchema.Key key : schema.keys(path)) {
            if (present.contains(key.name())) {
                continue;
            }
            CompletionItem item = item(key.name(), CompletionItemKind.Property, at, typed.length(),
                    key.name() + ": ");
            item.setDocumentation(markdown(key.documentation()));
            item.setDetail(key.title());
            items.add(item);
        }
        return items;
    }

    private List<CompletionItem> values(Cursor at, List<String> path, String typed) {
        String key = path.get(path.size() - 1);
        List<CompletionItem> items = new ArrayList<>();
        schema.key(path).ifPresent(k -> {
            for (String v : k.enumValues()) {
                CompletionItem item = item(v, CompletionItemKind.EnumMember, at, typed.length(), v);
                item.setDocumentation(markdown(k.documentation()));
                items.add(item);
            }
        });
        if (key.equals("id")) {
            String uuid = "\"urn:uuid:" + UUID.randomUUID() + "\"";
            CompletionItem item = item(uuid, CompletionItemKind.Value, at, typed.length(), uuid);
            item.setFilterText(typed.isEmpty() ? uuid : typed);
            item.setDetail("a fresh random UUID");
            items.add(item);
        }
        if (key.endsWith("_at")) {
            String now = now();
            CompletionItem item = item(now, CompletionItemKind.Value, at, typed.length(), now);
            item.setDetail("now, in UTC");
            items.add(item);
        }
        return items;
    }

    private List<CompletionItem> body(Cursor at) {
        MamlDocument doc = at.doc();
        CodeBlock block = blockAt(doc, at.offset());
        if (block != null && at.offset() > block.open().end()) {
            return inSchema(block.section()) ? schemaKeywords(at) : List.of();
        }
        Matcher fence = FENCE.matcher(at.before());
        if (fence.matches()) {
            return fenceLanguages(at, fence.group(2).length());
        }
        if (block != null) {
            return List.of();
        }
        Section section = sectionAt(doc, at.offset());
        if (HEADING.matcher(at.before()).matches()) {
            return sections(at);
        }
        if (section != null && inSchema(section.name()) && at.offset() > section.body().start()) {
            return schemaKeywords(at);
        }
        if (section != null && isHistory(section.name()) && at.before().matches("\\s*-?\\s*")) {
            return List.of(historyEntry(at));
        }
        return List.of();
    }

    /** The known sections the document lacks in every form (the linter folds forms: {@code ## Code Blocks} is Code_Blocks). */
    private List<CompletionItem> sections(Cursor at) {
        Set<String> present = at.doc().sections().stream().map(s -> Vocabulary.canonicalSection(s.name()))
                .flatMap(Optional::stream).collect(Collectors.toSet());
        List<CompletionItem> items = new ArrayList<>();
        for (SectionWord section : Vocabulary.sections()) {
            if (!present.contains(section.name())) {
                CompletionItem item = item("## " + section.name(), CompletionItemKind.Module, at, at.before().length(),
                        "## " + section.name());
                item.setDocumentation(markdown(section.meaning()));
                items.add(item);
            }
        }
        return items;
    }

    private List<CompletionItem> fenceLanguages(Cursor at, int typed) {
        List<CompletionItem> items = new ArrayList<>();
        for (String lang : Vocabulary.fenceLanguages()) {
            items.add(item(lang, CompletionItemKind.Keyword, at, typed, lang));
        }
        return items;
    }

    private List<CompletionItem> schemaKeywords(Cursor at) {
        Matcher m = SCHEMA_WORD.matcher(at.before());
        if (!m.find()) {
            return List.of();
        }
        int typed = m.group(1).length();
        boolean closed = at.offset() < at.doc().text().length() && at.doc().text().charAt(at.offset()) == '"';
        List<CompletionItem> items = new ArrayList<>();
        for (String keyword : JsonSchemaKeywords.ALL) {
            items.add(item(keyword, CompletionItemKind.Keyword, at, typed, closed ? keyword : keyword + "\""));
        }
        return items;
    }

    private CompletionItem historyEntry(Cursor at) {
        String verbs = String.join(",", Vocabulary.historyVerbs());
        String snippet = "- " + now() + ": [${1|" + verbs + "|}] ${2:what happened}";
        CompletionItem item = item("- " + now() + ": [VERB] …", CompletionItemKind.Snippet, at,
                at.before().length(), snippet);
        item.setInsertTextFormat(InsertTextFormat.Snippet);
        item.setFilterText(at.before().isBlank() ? "-" : at.before());
        item.setDetail("History entry, now in UTC");
        return item;
    }

    private static CompletionItem item(String label, CompletionItemKind kind, Cursor at, int typed, String newText) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        Range r = at.word(typed);
        LineIndex lines = at.doc().lines();
        item.setTextEdit(Either.forLeft(new TextEdit(Ranges.toLsp(lines, r), newText)));
        return item;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The keys of the mappings that enclose an indented line, outermost first. */
    private static List<String> parents(Cursor at, int indent) {
        List<String> path = new ArrayList<>();
        LineIndex lines = at.doc().lines();
        String text = at.doc().text();
        int current = indent;
        for (int l = at.line() - 1; l > 0 && current > 0; l--) {
            String t = text.substring(lines.lineStart(l), lines.lineEnd(l));
            if (t.isBlank() || t.stripLeading().startsWith("#")) {
                continue;
            }
            if (t.equals("---")) {
                break;
            }
            int ind = indent(t);
            Matcher m = KEY_LINE.matcher(t);
            if (ind < current && m.find()) {
                path.add(0, m.group(2));
                current = ind;
            }
        }
        return path;
    }

    private static Set<String> presentKeys(MamlDocument doc) {
        return doc.frontMatter() == null ? Set.of() : doc.frontMatter().mapping()
                .map(m -> m.entries().stream().map(YamlEntry::key).map(k -> k.value()).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean inSchema(String section) {
        return Vocabulary.section(section).filter(SectionWord::schema).isPresent();
    }

    private static boolean isHistory(String section) {
        return Vocabulary.canonicalSection(section).filter("History"::equals).isPresent();
    }

    static CodeBlock blockAt(MamlDocument doc, int offset) {
        for (CodeBlock b : doc.codeBlocks()) {
            if (offset >= b.range().start() && offset <= b.range().end()) {
                return b;
            }
        }
        return null;
    }

    static Section sectionAt(MamlDocument doc, int offset) {
        Section found = null;
        for (Section s : doc.sections()) {
            if (s.range().contains(offset)) {
                found = s;
            }
        }
        return found;
    }

    private static MarkupContent markdown(String text) {
        return new MarkupContent(MarkupKind.MARKDOWN, text);
    }
}
