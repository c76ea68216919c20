package dev.maml.lsp;

/**
 * Where one text differs from an earlier one: {@code [start, oldEnd)} of the earlier text became
 * {@code [start, newEnd)} of this one, everything around it is the same. Several edits of one
 * {@code didChange} are folded into the one stretch that covers them all.
 */
public record TextChange(int start, int oldEnd, int newEnd) {

    /** The change from {@code before} to {@code after}: the stretch between their common start and end. */
    public static TextChange between(String before, String after) {
        int max = Math.min(before.length(), after.length());
        int prefix = 0;
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return new TextChange(prefix, before.length() - suffix, after.length() - suffix);
    }

    /**
     * This change followed by {@code next} (whose offsets are in the text this one left): one change
     * covering both, from the earlier text to the latest.
     */
    public TextChange then(TextChange next) {
        int end = Math.max(newEnd, next.oldEnd);
        return new TextChange(Math.min(start, next.start), oldEnd + end - newEnd,
                end + (next.newEnd - next.start) - (next.oldEnd - next.start));
    }
}
