package dev.maml.lint;

import dev.maml.diagnostic.RuleId;
import dev.maml.model.Range;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One inline lint directive as written ({@code <!-- maml-lint-disable-line MAML033 -->}, or the front
 * matter's {@code # maml-lint-disable-next-line ID}): its kind, where the comment is, the names it
 * lists with their positions, and which rules it actually suppressed in this lint, so unused and
 * unknown names can be reported (MAML080, MAML081) and removed.
 */
final class Directive {

    /** FRONT_MATTER is the front matter's whole-line {@code # maml-lint-disable-next-line}. */
    enum Kind {
        DISABLE_FILE("disable-file"), DISABLE("disable"), ENABLE("enable"), DISABLE_LINE("disable-line"),
        DISABLE_NEXT_LINE("disable-next-line"), FRONT_MATTER("disable-next-line");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        static Kind ofWord(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(word);
        }

        /** As written after "maml-lint-". */
        String word() {
            return word;
        }
    }

    /** A name as written (an id in any case or an alias), its range, and the rule it names, if any. */
    record Name(String text, Range range, Optional<RuleId> rule) {
    }

    private final Kind kind;
    private final Range comment;
    private final int listStart;
    private final List<Name> names;
    private final Set<RuleId> rules;
    private final Set<RuleId> used = EnumSet.noneOf(RuleId.class);

    /**
     * @param comment   the whole directive (the HTML comment, or the front matter's comment line without its break)
     * @param listStart where the name list starts (just after the kind word), so removing the first
     *                  name takes the separator before it
     */
    Directive(Kind kind, Range comment, int listStart, List<Name> names) {
        this.kind = kind;
        this.comment = comment;
        this.listStart = listStart;
        this.names = List.copyOf(names);
        this.rules = named(this.names);
    }

    Kind kind() {
        return kind;
    }

    Range comment() {
        return comment;
    }

    int listStart() {
        return listStart;
    }

    List<Name> names() {
        return names;
    }

    /** No names: the directive is about every rule. */
    boolean everyRule() {
        return names.isEmpty();
    }

    /** The rules the directive is about; unknown names stand for none (as markdownlint ignores them). */
    Set<RuleId> rules() {
        return rules;
    }

    private static Set<RuleId> named(List<Name> names) {
        if (names.isEmpty()) {
            return EnumSet.allOf(RuleId.class);
        }
        Set<RuleId> ids = EnumSet.noneOf(RuleId.class);
        names.forEach(n -> n.rule().ifPresent(ids::add));
        return ids;
    }

    void markUsed(RuleId rule) {
        used.add(rule);
    }

    boolean used(RuleId rule) {
        return used.contains(rule);
    }

    boolean usedAtAll() {
        return !used.isEmpty();
    }
}
