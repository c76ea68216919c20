package dev.maml.select;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Glob patterns as regular expressions over '/'-separated paths, one translation for the command
 * line's globs and for .gitignore lines: {@code *} and {@code ?} stay inside one path segment,
 * {@code [...]} is a character class ({@code [!...]} or {@code [^...]} negated), a backslash quotes
 * the next character, and {@code **} as a whole segment matches any number of segments, none
 * included ({@code docs/**}{@code /*.md} matches {@code docs/a.md}, as in git and minimatch).
 * Braces ({@code {a,b}}) are alternatives on the command line only: git reads them literally.
 */
public final class Globs {

    private static final String META = "*?[{";

    private Globs() {
    }

    /** Whether {@code text} holds a glob character (a command-line argument is then a pattern, unless it names an existing path). */
    public static boolean isGlob(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (META.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The leading segments of {@code glob} that hold no glob character: the directory to search ("" for the current one). */
    public static String base(String glob) {
        String[] segments = glob.split("/", -1);
        List<String> fixed = new ArrayList<>();
        for (int i = 0; i < segments.length - 1 && !isGlob(segments[i]) && segments[i].indexOf('\\') < 0; i++) {
            fixed.add(segments[i]);
        }
        String base = String.join("/", fixed);
        return base.isEmpty() && glob.startsWith("/") ? "/" : base;
    }

    /** A command-line glob (braces are alternatives). */
    public static Pattern commandLine(String glob) {
        return Pattern.compile(translate(glob, true));
    }

    /** A .gitignore pattern body (braces are literal). */
    static String gitRegex(String glob) {
        return translate(glob, false);
    }

    private static String translate(String glob, boolean braces) {
        StringBuilder regex = new StringBuilder();
        int n = glob.length();
        int i = 0;
        while (i < n) {
            char c = glob.charAt(i);
            if (c == '*') {
                int j = i;
                while (j < n && glob.charAt(j) == '*') {
                    j++;
                }
                boolean wholeSegment = j - i == 2 && (i == 0 || glob.charAt(i - 1) == '/') && (j == n || glob.charAt(j) == '/');
                if (wholeSegment && j == n) {
                    regex.append(".*");
                } else if (wholeSegment) {
                    regex.append("(?:[^/]*/)*");
                    j++;
                } else {
                    regex.append("[^/]*");
                }
                i = j;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else if (c == '[' && classEnd(glob, i) > 0) {
                int end = classEnd(glob, i);
                regex.append(characterClass(glob.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '{' && braces && braceEnd(glob, i) > 0) {
                int end = braceEnd(glob, i);
                List<String> options = new ArrayList<>();
                for (String option : splitTopLevel(glob.substring(i + 1, end))) {
                    options.add(translate(option, true));
                }
                regex.append("(?:").append(String.join("|", options)).append(')');
                i = end + 1;
            } else if (c == '\\' && i + 1 < n) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    /** The index of the ']' closing the class opened at {@code open}, or -1 (then '[' is literal, as in git). */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // a ']' right after the opening is a member
        }
        for (; i < glob.length(); i++) {
            if (glob.charAt(i) == '\\') {
                i++;
            } else if (glob.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static String characterClass(String body) {
        StringBuilder members = new StringBuilder();
        int i = 0;
        boolean negated = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
        if (negated) {
            i++;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
                members.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            } else if (c == '-' && members.length() > 0 && i + 1 < body.length()) {
                members.append('-');
            } else {
                members.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
        }
        // A class never matches the separator.
        return "[" + (negated ? "^" : "") + members + "&&[^/]]";
    }

    private static int braceEnd(String glob, int open) {
        int depth = 0;
        for (int i = open; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return glob.substring(open, i).indexOf(',') > 0 ? i : -1;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }
}
