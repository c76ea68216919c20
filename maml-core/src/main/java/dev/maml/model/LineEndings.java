package dev.maml.model;

/** The line-break convention a document uses. */
public enum LineEndings {
    NONE, LF, CRLF, MIXED;

    public static LineEndings of(String text) {
        boolean lf = false;
        boolean crlf = false;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (i > 0 && text.charAt(i - 1) == '\r') {
                crlf = true;
            } else {
                lf = true;
            }
            if (lf && crlf) {
                return MIXED;
            }
        }
        return crlf ? CRLF : lf ? LF : NONE;
    }
}
