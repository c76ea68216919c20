package dev.maml.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 7468 textual encoding: "-----BEGIN LABEL-----", base64 in 64-column lines, "-----END LABEL-----". */
final class Pem {

    static final String PUBLIC_KEY = "PUBLIC KEY";
    static final String PRIVATE_KEY = "PRIVATE KEY";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The label and DER of the first PEM block, or null when the text holds none. */
    static Block decode(String text) {
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            return new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record Block(String label, byte[] der) {
    }
}
