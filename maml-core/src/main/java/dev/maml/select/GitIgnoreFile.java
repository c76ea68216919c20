package dev.maml.select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one .gitignore (or .git/info/exclude), read as gitignore(5) describes: blank lines
 * and '#' comments are skipped, unescaped trailing spaces dropped, '!' re-includes, a trailing '/'
 * matches directories only, and a pattern with a '/' at its start or middle is anchored to the
 * file's directory while one without matches at any depth below it.
 */
final class GitIgnoreFile {

    static final GitIgnoreFile EMPTY = new GitIgnoreFile(List.of());

    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {
    }

    private final List<Rule> rules;

    private GitIgnoreFile(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of {@code file}; none when it is missing or unreadable (git skips such a file too). */
    static GitIgnoreFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return EMPTY;
        }
    }

    static GitIgnoreFile parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\n")) {
            Rule rule = rule(raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules.isEmpty() ? EMPTY : new GitIgnoreFile(List.copyOf(rules));
    }

    private static Rule rule(String line) {
        String text = withoutTrailingSpaces(line);
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        boolean negated = text.startsWith("!");
        if (negated) {
            text = text.substring(1);
        }
        boolean directoryOnly = text.endsWith("/") && !text.endsWith("\\/");
        if (directoryOnly) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return null;
        }
        boolean anchored = text.indexOf('/') >= 0;
        String body = text.startsWith("/") ? text.substring(1) : text;
        String regex = (anchored ? "" : "(?:.*/)?") + Globs.gitRegex(body);
        return new Rule(Pattern.compile(regex), negated, directoryOnly);
    }

    /** Trailing spaces go unless quoted with a backslash ("a\ " keeps one). */
    private static String withoutTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    /**
     * What this file says about {@code relative} (a '/'-separated path below its directory): TRUE
     * ignored, FALSE re-included by a '!' pattern, null when no pattern matches. The last matching
     * pattern decides.
     */
    Boolean verdict(String relative, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if ((!rule.directoryOnly || directory) && rule.pattern.matcher(relative).matches()) {
                return !rule.negated;
            }
        }
        return null;
    }
}
