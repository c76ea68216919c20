package dev.maml.lint.fix;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.yaml.YamlMapping;

/**
 * Fixing or reformatting a signed document changes the signed bytes, so its signature stops
 * verifying; nothing may do that silently. This says whether a change did, and what to run.
 */
public final class ResignAdvice {

    private ResignAdvice() {
    }

    /** Whether the document carries a signature ({@code verification.signature}). */
    public static boolean signed(MamlDocument doc) {
        return doc.optionalFrontMatter().flatMap(f -> f.mapping()).flatMap(m -> m.get("verification"))
                .filter(v -> v instanceof YamlMapping m && m.entry("signature").isPresent()).isPresent();
    }

    /** Whether turning {@code before} into {@code after} changed a signed document. */
    public static boolean invalidates(String before, String after) {
        return !before.equals(after) && signed(DocumentParser.parse(before));
    }

    /** The advice for {@code file} (a name as the user gave it): what changed and the command to re-sign. */
    public static String message(String file) {
        return file + ": the fixes changed the signed bytes, so the signature no longer verifies; sign it again: maml sign "
                + file + " --key YOUR.key";
    }

    /**
     * What fixing {@code file} without unsafe fixes left out ({@code count} findings whose fix is
     * unsafe), and how to apply it: on a signed document, with the command to re-sign afterwards.
     */
    public static String withheld(String file, long count, boolean signed) {
        String fixes = count == 1 ? "1 fix" : count + " fixes";
        return signed
                ? file + ": " + fixes + " not applied: the document is signed and fixing it changes the signed bytes; to apply: "
                        + "maml lint --fix --unsafe-fixes " + file + ", then sign it again: maml sign " + file + " --key YOUR.key"
                : file + ": " + fixes + " not applied because unsafe (a new random id replaces the document's own); "
                        + "apply with --unsafe-fixes";
    }
}
