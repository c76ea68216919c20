package dev.maml.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 7468 textual encoding: "-----BEGIN LABEL-----", base64 in 64-column lines, "-----END LABEL-----". */
final class Pem {

    static final String PUBLIC_KEY = "PUBLIC KEY";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * The label and DER of the first PEM block, or null when the text holds none. A block is
     * {@code -----BEGIN LABEL-----}, base64 characters and whitespace, {@code -----END LABEL-----};
     * text around it is ignored. Scanned once, in linear time: key files come from documents, and a
     * backtracking pattern took minutes on a BEGIN line followed by a few thousand spaces.
     */
    static Block decode(String text) {
        for (int begin = text.indexOf(BEGIN); begin >= 0; begin = text.indexOf(BEGIN, begin + 1)) {
            Armor armor = armorAt(text, begin);
            if (armor != null) {
                try {
                    return new Block(armor.label(), Base64.getMimeDecoder().decode(armor.base64()));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The label and base64 text of the block starting at {@code begin}, or null when none starts
     * there. Neither the label nor the body may contain a dash, so the label ends at the first
     * character that is not a label character, the body at the first that is not base64 or
     * whitespace: no choice is ever revisited.
     */
    private static Armor armorAt(String text, int begin) {
        int labelStart = begin + BEGIN.length();
        int labelEnd = skip(text, labelStart, Pem::isLabelChar);
        if (labelEnd == labelStart || !text.startsWith(DASHES, labelEnd)) {
            return null;
        }
        String label = text.substring(labelStart, labelEnd);
        int bodyStart = labelEnd + DASHES.length();
        int bodyEnd = skip(text, bodyStart, Pem::isBodyChar);
        if (!text.startsWith("-----END " + label + DASHES, bodyEnd)) {
            return null;
        }
        return new Armor(label, text.substring(bodyStart, bodyEnd));
    }

    private interface CharClass {
        boolean contains(char c);
    }

    private static int skip(String text, int from, CharClass chars) {
        int i = from;
        while (i < text.length() && chars.contains(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLabelChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ';
    }

    /** Base64 (with padding) and the whitespace RFC 7468 parsers accept: space, tab, CR, LF, VT, FF. */
    private static boolean isBodyChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '+' || c == '/' || c == '=' || c == ' ' || c == '\t' || c == '\n' || c == '\r'
                || c == '\u000B' || c == '\f';
    }

    record Block(String label, byte[] der) {
    }

    private record Armor(String label, String base64) {
    }
}
