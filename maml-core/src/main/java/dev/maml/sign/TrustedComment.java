package dev.maml.sign;

import dev.maml.report.Printable;
import dev.maml.yaml.YamlScalar;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code verification.trusted_comment}, minisign's trusted comment: a line of text the signer
 * states, covered by the signature like every line but the signature's own, so it can be shown as
 * the signer's once the signature is valid under a trusted key.
 *
 * <p>It is written as a YAML double-quoted scalar with every character that could end the line or
 * the value escaped ({@code \"}, {@code \\}, {@code \n}, {@code \x1B}, {@code \u2028}…), so no
 * comment can add a key, close the front matter or break the exact form of the signature line
 * below it; the YAML reader gives back the exact text.
 */
public final class TrustedComment {

    public static final String KEY = "trusted_comment";

    /** minisign's limit. */
    static final int MAX_UTF8_BYTES = 1024;

    private TrustedComment() {
    }

    /** The comment of a document (from its front matter), when it has one as a single value. */
    public static Optional<String> read(String text) {
        return VerificationBlock.of(FrontMatterPrefix.parse(text)).map(VerificationBlock::mapping)
                .flatMap(m -> m.get(KEY)).filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).value());
    }

    /** The value text to write: a double-quoted scalar holding exactly {@code comment}. */
    static String yaml(String comment) throws SigningException {
        if (comment.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new SigningException("the trusted comment is longer than " + MAX_UTF8_BYTES + " bytes (UTF-8)");
        }
        StringBuilder b = new StringBuilder(comment.length() + 2).append('"');
        for (int i = 0; i < comment.length(); i++) {
            char c = comment.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == comment.length() || !Character.isLowSurrogate(comment.charAt(i + 1))) {
                    throw new SigningException("the trusted comment holds an unpaired surrogate (U+"
                            + String.format("%04X", (int) c) + "), which UTF-8 cannot encode");
                }
                b.append(c).append(comment.charAt(++i));
            } else if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (Printable.isEscaped(c) || Character.getType(c) == Character.FORMAT || c >= '\uFFFE') {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
