package dev.maml.io;

import java.io.IOException;

/** A path a document names leads out of the tree it may touch (spec 10.2a); a run refuses it (exit 3). */
public final class OutsideTreeException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutsideTreeException(String what, String path, String why) {
        super("path outside the document's tree: " + what + " \"" + visible(path) + "\" (" + why + ")");
    }

    /** The path comes from the document: its control characters must not reach a terminal. */
    private static String visible(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '"' || c == '\\') {
                out.append(c < 0x100 && !Character.isISOControl(c) ? "\\" + (char) c : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
