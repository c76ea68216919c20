package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.CodeBlock;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline disables (spec section 12), with markdownlint's semantics: in the body,
 * {@code <!-- maml-lint-disable ID… -->} and {@code <!-- maml-lint-enable ID… -->} switch rules off
 * and on from their line onwards, {@code -line} affects the comment's own line, {@code -next-line}
 * the line after it and {@code -file} the whole file; in the front matter a whole-line
 * {@code # maml-lint-disable-next-line ID…} affects the next line. No ids means every rule. Ids are
 * rule ids or aliases; unknown ones suppress nothing, as in markdownlint. Comments inside code
 * fences are code, not directives. A finding belongs to the line where its range starts.
 * <p>
 * Each suppressed finding is credited to one directive (file, then running, then single-line ones,
 * the first that covers it), so a directive that is never credited can be removed without bringing
 * back a finding ({@link DirectiveFindings}, MAML080).
 */
final class Suppressions {

    private static final Pattern BODY = Pattern.compile(
            "<!--\\s*maml-lint-(disable-next-line|disable-line|disable-file|disable|enable)((?:[\\s,]+[\\w-]+)*)[\\s,]*-->");
    private static final Pattern FRONT_MATTER = Pattern.compile(
            "(?m)^[ \\t]*#[ \\t]*maml-lint-disable-next-line((?:[ \\t,]+[\\w-]+)*)[ \\t,]*\\r?$");
    private static final Pattern NAME = Pattern.compile("[\\w-]+");

    private static final Suppressions NONE = new Suppressions(List.of(), new EnumMap<>(RuleId.class), Map.of());

    /** Every directive, in document order. */
    private final List<Directive> directives;
    private final List<Directive> fileWide;
    /** Per rule: the disable directive whose range holds from a 0-based line on (null: enabled again). */
    private final Map<RuleId, NavigableMap<Integer, Directive>> running;
    /** The -line, -next-line and front-matter directives, by the 0-based line they affect. */
    private final Map<Integer, List<Directive>> single;

    private Suppressions(List<Directive> directives, Map<RuleId, NavigableMap<Integer, Directive>> running,
                         Map<Integer, List<Directive>> single) {
        this.directives = directives;
        this.fileWide = directives.stream().filter(d -> d.kind() == Directive.Kind.DISABLE_FILE).toList();
        this.running = running;
        this.single = single;
    }

    static Suppressions of(MamlDocument doc) {
        String text = doc.text();
        if (!doc.lintMarker()) {
            return NONE;
        }
        LineIndex lines = doc.lines();
        List<Directive> directives = new ArrayList<>();
        FrontMatter fm = doc.frontMatter();
        if (fm != null) {
            Matcher m = FRONT_MATTER.matcher(text).region(fm.content().start(), fm.content().end());
            while (m.find()) {
                int end = text.charAt(m.end() - 1) == '\r' ? m.end() - 1 : m.end();
                directives.add(directive(Directive.Kind.FRONT_MATTER, Range.of(m.start(), end), m.start(1), m.group(1)));
            }
        }
        int bodyStart = fm == null ? 0 : fm.range().end();
        Matcher m = BODY.matcher(text).region(bodyStart, text.length());
        while (m.find()) {
            if (!insideCode(doc, m.start())) {
                directives.add(directive(Directive.Kind.ofWord(m.group(1)), Range.of(m.start(), m.end()), m.start(2), m.group(2)));
            }
        }
        Map<RuleId, NavigableMap<Integer, Directive>> running = new EnumMap<>(RuleId.class);
        Map<Integer, List<Directive>> single = new HashMap<>();
        for (Directive d : directives) {
            int line = lines.lineOf(d.comment().start());
            switch (d.kind()) {
                case DISABLE -> d.rules().forEach(rule -> {
                    NavigableMap<Integer, Directive> states = running.computeIfAbsent(rule, r -> new TreeMap<>());
                    Map.Entry<Integer, Directive> now = states.floorEntry(line);
                    if (now == null || now.getValue() == null) {
                        states.put(line, d); // already off: a second disable adds nothing and stays unused
                    }
                });
                case ENABLE -> d.rules().forEach(rule -> {
                    NavigableMap<Integer, Directive> states = running.get(rule);
                    if (states != null) {
                        states.put(line, null);
                    }
                });
                case DISABLE_LINE -> single.computeIfAbsent(line, l -> new ArrayList<>()).add(d);
                case DISABLE_NEXT_LINE, FRONT_MATTER -> single.computeIfAbsent(line + 1, l -> new ArrayList<>()).add(d);
                case DISABLE_FILE -> {
                    // holds wherever it is (fileWide)
                }
            }
        }
        return new Suppressions(List.copyOf(directives), running, single);
    }

    /** Whether an inline directive switches this finding off; the directive that does is credited with it. */
    boolean suppressed(Diagnostic d, LineIndex lines) {
        RuleId rule = d.rule();
        for (Directive directive : fileWide) {
            if (credit(directive, rule)) {
                return true;
            }
        }
        int line = lines.lineOf(d.range().start());
        NavigableMap<Integer, Directive> states = running.get(rule);
        Map.Entry<Integer, Directive> state = states == null ? null : states.floorEntry(line);
        if (state != null && state.getValue() != null && credit(state.getValue(), rule)) {
            return true;
        }
        for (Directive directive : single.getOrDefault(line, List.of())) {
            if (credit(directive, rule)) {
                return true;
            }
        }
        return false;
    }

    List<Directive> directives() {
        return directives;
    }

    /** Whether a -next-line directive (body or front matter) affects this 0-based line. */
    boolean targetedByNextLine(int line) {
        return single.getOrDefault(line, List.of()).stream().anyMatch(d -> d.kind() != Directive.Kind.DISABLE_LINE);
    }

    private static boolean credit(Directive directive, RuleId rule) {
        if (!directive.rules().contains(rule)) {
            return false;
        }
        directive.markUsed(rule);
        return true;
    }

    private static Directive directive(Directive.Kind kind, Range comment, int listStart, String list) {
        List<Directive.Name> names = new ArrayList<>();
        Matcher n = NAME.matcher(list);
        while (n.find()) {
            names.add(new Directive.Name(n.group(), Range.of(listStart + n.start(), listStart + n.end()), RuleId.find(n.group())));
        }
        return new Directive(kind, comment, listStart, names);
    }

    private static boolean insideCode(MamlDocument doc, int offset) {
        for (CodeBlock b : doc.codeBlocks()) {
            if (offset >= b.range().start() && offset < b.range().end()) {
                return true;
            }
        }
        return false;
    }
}
