package dev.maml.lsp.completion;

import dev.maml.diagnostic.RuleId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule ids and aliases inside an inline disable comment (docs/lint.md "Inline suppressions"):
 * after {@code <!-- maml-lint-disable… } in the body, after {@code # maml-lint-disable-next-line }
 * in the front matter. The ids already in the comment are not offered again, nor the rules a
 * directive cannot suppress (MAML080, MAML081).
 */
final class RuleIdCompletion {

    /** One offer: what to insert and what it is. */
    record Offer(String label, String detail) {
    }

    /** The offers, and how many characters of the word under the cursor are typed (the edit replaces them). */
    record Offers(int typed, List<Offer> offers) {
    }

    private static final Pattern BODY = Pattern.compile(
            "<!--\\s*maml-lint-(?:disable-next-line|disable-line|disable-file|disable|enable)((?:[\\s,]+[\\w-]+)*)[\\s,]+([\\w-]*)$");
    private static final Pattern FRONT_MATTER = Pattern.compile(
            "^[ \\t]*#[ \\t]*maml-lint-disable-next-line((?:[ \\t,]+[\\w-]+)*)[ \\t,]+([\\w-]*)$");

    private RuleIdCompletion() {
    }

    /** The offers for the text before the cursor on its line; empty when the cursor is not where a comment lists rules. */
    static Optional<Offers> at(String before, boolean frontMatter) {
        Matcher m = (frontMatter ? FRONT_MATTER : BODY).matcher(before);
        if (!m.find()) {
            return Optional.empty();
        }
        Set<RuleId> listed = new HashSet<>();
        for (String word : m.group(1).strip().split("[\\s,]+")) {
            RuleId.find(word).ifPresent(listed::add);
        }
        List<Offer> offers = new ArrayList<>();
        for (RuleId rule : RuleId.values()) {
            if (!listed.contains(rule) && rule.suppressibleInline()) {
                offers.add(new Offer(rule.id(), rule.alias() + ": " + rule.title()));
                offers.add(new Offer(rule.alias(), rule.id() + ": " + rule.title()));
            }
        }
        return Optional.of(new Offers(m.group(2).length(), offers));
    }
}
