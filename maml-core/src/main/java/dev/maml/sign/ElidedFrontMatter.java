package dev.maml.sign;

import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.parse.DocumentParser;
import dev.maml.yaml.YamlScalar;

/**
 * A signed document's front matter read without its two long values: the base64 signature and an
 * embedded base64 public key (3-8 KB together, most of a front matter, and what the lexer and YAML
 * scanner spent their time on). Each is found by a scan for its line in the one canonical form
 * {@code   KEY: "<printable ASCII, no quote, no backslash>"}, its value is cut to {@code ""}, and
 * the shortened front matter is parsed.
 *
 * <p>Why the reading is the same (spec 8's one reading): the parser sees the same text up to the
 * opening quote, so it is in the same state there; in both texts the quote opens a double-quoted
 * scalar that, holding no quote, backslash or line break, ends at the closing quote of that line;
 * what follows is the same text. So every token is the same but that scalar's value, and a value
 * this short (see {@link #MAX_VALUE}) meets no limit of the reader. The front matter lexer reads
 * whole lines, whatever they hold. That holds only where the parser does read a double-quoted
 * scalar at the cut: {@link #read} accepts the result only when {@code verification.signature}
 * (and {@code verification.public_key}, when cut) is exactly the {@code ""} left at the cut, and
 * the caller falls back to parsing the whole front matter otherwise.
 */
final class ElidedFrontMatter {

    /** Far below any length limit of the YAML reader; ML-DSA-87's signature is 6,172 characters. */
    static final int MAX_VALUE = 1 << 16;

    private static final String SIGNATURE = "  signature: \"";
    private static final String PUBLIC_KEY = "  public_key: \"";

    /**
     * @param doc           the shortened front matter, parsed (its offsets are not the text's)
     * @param block         its verification block, whose signature (and perhaps public_key) value is the cut ""
     * @param signature     the signature's value as written
     * @param publicKey     the public_key's value as written, or null when that line was not cut
     * @param signatureLine the signature's whole line in the original text, line break included
     */
    record Read(MamlDocument doc, VerificationBlock block, String signature, String publicKey, Range signatureLine) {

        /** Where the signature's opening quote is in the original text. */
        int signatureQuote() {
            return signatureLine.start() + SIGNATURE.length() - 1;
        }
    }

    private ElidedFrontMatter() {
    }

    /** The reading, or null when the text does not have the plain shape this shortcut is for. */
    static Read read(String text) {
        return read(text, false);
    }

    /**
     * As {@link #read}, for a text about to be signed: its signature is the empty placeholder
     * {@code ""} (nothing to cut), and only an embedded public key is cut.
     */
    static Read readUnsigned(String text) {
        return read(text, true);
    }

    private static Read read(String text, boolean placeholder) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int line = nextLine(text, start);
        if (line < 0 || !delimiter(text, start, line)) {
            return null;
        }
        Cut signature = null;
        Cut publicKey = null;
        boolean inVerification = false;
        while (true) {
            int next = nextLine(text, line);
            if (next < 0) {
                return null; // not plainly closed: the full parse decides
            }
            if (delimiter(text, line, next)) {
                line = next; // the end of the front matter, its closing line included
                break;
            }
            char lead = text.charAt(line);
            if (lead != ' ' && lead != '#' && lead != '\r' && lead != '\n') {
                inVerification = text.startsWith(VerificationBlock.KEY + ":", line);
            }
            // The first candidate in the block; a wrong pick is caught by the check below.
            if (inVerification && signature == null) {
                signature = Cut.of(text, line, next, SIGNATURE);
            }
            if (inVerification && publicKey == null) {
                publicKey = Cut.of(text, line, next, PUBLIC_KEY);
            }
            line = next;
        }
        if (signature == null || (placeholder ? !signature.value(text).isEmpty() : signature.value(text).isBlank())) {
            return null;
        }
        StringBuilder shortened = new StringBuilder(line + 8);
        int from = 0;
        Cut first = publicKey != null && publicKey.open < signature.open ? publicKey : signature;
        Cut second = first == signature ? publicKey : signature;
        shortened.append(text, from, first.open + 1);
        from = first.close;
        int firstShift = first.close - first.open - 1;
        if (second != null) {
            shortened.append(text, from, second.open + 1);
            from = second.close;
        }
        shortened.append(text, from, line);
        MamlDocument doc = DocumentParser.parse(shortened.toString());
        if (doc.frontMatter() == null || !doc.frontMatter().closed()) {
            return null;
        }
        VerificationBlock block = VerificationBlock.of(doc).orElse(null);
        if (block == null || !at(block.signature(), shift(signature, first, firstShift))
                || publicKey != null && !at(block.publicKey(), shift(publicKey, first, firstShift))) {
            return null;
        }
        return new Read(doc, block, signature.value(text), publicKey == null ? null : publicKey.value(text),
                Range.of(signature.lineStart, signature.lineEnd));
    }

    /** Where a cut's opening quote lands in the shortened text. */
    private static int shift(Cut cut, Cut first, int firstShift) {
        return cut == first ? cut.open : cut.open - firstShift;
    }

    /** True when the parser read an empty double-quoted scalar at exactly that quote. */
    private static boolean at(YamlScalar scalar, int open) {
        return scalar != null && scalar.range().start() == open && "\"\"".equals(scalar.lexical());
    }

    /**
     * A line {@code prefix + value + "\""} followed by its line break (LF or CRLF).
     *
     * @param open  offset of the opening quote
     * @param close offset of the closing quote
     */
    private record Cut(int lineStart, int lineEnd, int open, int close) {

        static Cut of(String text, int line, int next, String prefix) {
            if (!text.startsWith(prefix, line)) {
                return null;
            }
            int end = next - 1; // the '\n'
            if (end > line && text.charAt(end - 1) == '\r') {
                end--;
            }
            int open = line + prefix.length() - 1;
            int close = end - 1;
            if (close <= open || text.charAt(close) != '"' || close - open - 1 > MAX_VALUE) {
                return null;
            }
            for (int i = open + 1; i < close; i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                    return null;
                }
            }
            return new Cut(line, next, open, close);
        }

        String value(String text) {
            return text.substring(open + 1, close);
        }
    }

    /**
     * Where the front matter of a file ends, its closing "---" line included, found in the bytes
     * (the delimiters are ASCII, so no decoding is needed to find them); -1 when it is not plainly
     * closed. A verifier then decodes only this much of a file it has checked is UTF-8.
     */
    static int prefixEnd(byte[] bytes) {
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        int line = start;
        boolean first = true;
        while (line < bytes.length) {
            int nl = line;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            if (nl == bytes.length) {
                return -1;
            }
            boolean delimiter = delimiter(bytes, line, nl);
            if (first && !delimiter) {
                return -1;
            }
            if (!first && delimiter) {
                return nl + 1;
            }
            first = false;
            line = nl + 1;
        }
        return -1;
    }

    /** {@link #delimiter(String, int, int)} for the line [line, nl) of a file's bytes. */
    private static boolean delimiter(byte[] bytes, int line, int nl) {
        if (nl - line < 3 || bytes[line] != '-' || bytes[line + 1] != '-' || bytes[line + 2] != '-') {
            return false;
        }
        int end = nl > line + 3 && bytes[nl - 1] == '\r' ? nl - 1 : nl;
        for (int i = line + 3; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The offset after the '\n' ending the line at {@code line}, or -1 when none does. */
    private static int nextLine(String text, int line) {
        int nl = text.indexOf('\n', line);
        return nl < 0 ? -1 : nl + 1;
    }

    /** A "---" line as {@link FrontMatterPrefix} takes it: "---", spaces or tabs, then CRLF or LF. */
    private static boolean delimiter(String text, int line, int next) {
        if (!text.startsWith("---", line)) {
            return false;
        }
        int end = next - 1;
        if (end > line + 3 && text.charAt(end - 1) == '\r') {
            end--;
        }
        for (int i = line + 3; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
