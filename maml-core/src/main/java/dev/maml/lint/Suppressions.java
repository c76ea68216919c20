package dev.maml.lint;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.model.CodeBlock;
import dev.maml.model.FrontMatter;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline disables (spec section 12), with markdownlint's semantics: in the body,
 * {@code <!-- maml-lint-disable ID… -->} and {@code <!-- maml-lint-enable ID… -->} switch rules off
 * and on from their line onwards, {@code -line} affects the comment's own line, {@code -next-line}
 * the line after it and {@code -file} the whole file; in the front matter a whole-line
 * {@code # maml-lint-disable-next-line ID…} affects the next line. No ids means every rule. Ids are
 * rule ids or aliases; unknown ones are ignored, as markdownlint does. Comments inside code
 * fences are code, not directives. A finding belongs to the line where its range starts.
 */
final class Suppressions {

    private static final Suppressions NONE = new Suppressions(EnumSet.noneOf(RuleId.class), new TreeMap<>(), Map.of());

    private static final Pattern BODY = Pattern.compile(
            "<!--\\s*maml-lint-(disable-next-line|disable-line|disable-file|disable|enable)((?:[\\s,]+[\\w-]+)*)[\\s,]*-->");
    private static final Pattern FRONT_MATTER = Pattern.compile(
            "(?m)^[ \\t]*#[ \\t]*maml-lint-disable-next-line((?:[ \\t,]+[\\w-]+)*)[ \\t,]*\\r?$");

    private final Set<RuleId> fileDisabled;
    /** The running disable state, keyed by the 0-based line from which it holds. */
    private final NavigableMap<Integer, Set<RuleId>> state;
    /** Extra disables for single lines (-line, -next-line). */
    private final Map<Integer, Set<RuleId>> lineDisabled;

    private Suppressions(Set<RuleId> fileDisabled, NavigableMap<Integer, Set<RuleId>> state,
                         Map<Integer, Set<RuleId>> lineDisabled) {
        this.fileDisabled = fileDisabled;
        this.state = state;
        this.lineDisabled = lineDisabled;
    }

    static Suppressions of(MamlDocument doc) {
        String text = doc.text();
        if (!doc.lintMarker()) {
            return NONE;
        }
        LineIndex lines = doc.lines();
        Set<RuleId> file = EnumSet.noneOf(RuleId.class);
        NavigableMap<Integer, Set<RuleId>> state = new TreeMap<>();
        Map<Integer, Set<RuleId>> single = new HashMap<>();
        FrontMatter fm = doc.frontMatter();
        if (fm != null) {
            Matcher m = FRONT_MATTER.matcher(text).region(fm.content().start(), fm.content().end());
            while (m.find()) {
                addAll(single, lines.lineOf(m.start()) + 1, ids(m.group(1)));
            }
        }
        int bodyStart = fm == null ? 0 : fm.range().end();
        EnumSet<RuleId> running = EnumSet.noneOf(RuleId.class);
        Matcher m = BODY.matcher(text).region(bodyStart, text.length());
        while (m.find()) {
            if (insideCode(doc, m.start())) {
                continue;
            }
            int line = lines.lineOf(m.start());
            Set<RuleId> ids = ids(m.group(2));
            switch (m.group(1)) {
                case "disable-file" -> file.addAll(ids);
                case "disable-line" -> addAll(single, line, ids);
                case "disable-next-line" -> addAll(single, line + 1, ids);
                case "disable" -> {
                    running.addAll(ids);
                    state.put(line, EnumSet.copyOf(running));
                }
                default -> {
                    running.removeAll(ids);
                    state.put(line, EnumSet.copyOf(running));
                }
            }
        }
        return new Suppressions(file, state, single);
    }

    boolean suppressed(Diagnostic d, LineIndex lines) {
        if (fileDisabled.contains(d.rule())) {
            return true;
        }
        int line = lines.lineOf(d.range().start());
        Map.Entry<Integer, Set<RuleId>> running = state.floorEntry(line);
        if (running != null && running.getValue().contains(d.rule())) {
            return true;
        }
        Set<RuleId> single = lineDisabled.get(line);
        return single != null && single.contains(d.rule());
    }

    private static Set<RuleId> ids(String list) {
        String trimmed = list.strip();
        if (trimmed.isEmpty()) {
            return EnumSet.allOf(RuleId.class);
        }
        Set<RuleId> ids = EnumSet.noneOf(RuleId.class);
        for (String name : trimmed.split("[\\s,]+")) {
            RuleId.find(name).ifPresent(ids::add);
        }
        return ids;
    }

    private static void addAll(Map<Integer, Set<RuleId>> map, int line, Set<RuleId> ids) {
        map.computeIfAbsent(line, l -> EnumSet.noneOf(RuleId.class)).addAll(ids);
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
