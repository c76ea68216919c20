package dev.maml.lint.rules;

import dev.maml.model.Heading;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import dev.maml.vocabulary.SectionWord;
import dev.maml.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The section names of spec section 4 ({@link Vocabulary}) as the section rules use them. A heading
 * "names" a known section when it matches it exactly, or after folding case, spaces, underscores
 * and hyphens ({@code Code Blocks}, {@code code_blocks}); the folded match is a form problem
 * (MAML035), not an unknown section (MAML032), so the section rules all resolve names through here.
 */
final class SectionNames {

    /** Spec section 4's recommended order; the index is a section's rank. */
    static final List<String> RECOMMENDED_ORDER = Vocabulary.recommendedOrder();

    static final List<String> KNOWN = Vocabulary.sections().stream().map(SectionWord::name).toList();

    private static final List<String> KNOWN_FOLDED = KNOWN.stream().map(Vocabulary::fold).toList();

    private SectionNames() {
    }

    /** The known section a name stands for, exactly or in another form; empty for unknown names. */
    static Optional<String> canonical(String name) {
        return Vocabulary.canonicalSection(name);
    }

    /** "Did you mean": the known section an unknown name is a near-miss of (Levenshtein <= 2, folded). */
    static Optional<String> suggestion(String name) {
        return Suggestions.closest(Vocabulary.fold(name), KNOWN_FOLDED).flatMap(SectionNames::canonical);
    }

    /** Position in the recommended order, or -1 for a section outside it (Verification). */
    static int rank(String canonicalName) {
        return RECOMMENDED_ORDER.indexOf(canonicalName);
    }

    /** The canonical names of the document's level-2 sections, whatever form they were written in. */
    static Set<String> present(MamlDocument document) {
        Set<String> names = new HashSet<>();
        for (Section s : document.sections()) {
            canonical(s.name()).ifPresent(names::add);
        }
        return names;
    }

    /**
     * Headings at the wrong level that name a known section the document lacks ({@code # Intent},
     * {@code ### Intent} with no {@code ## Intent}): the first such heading per section. When the
     * section exists, a same-named heading at another level is an ordinary sub-heading.
     */
    static List<Heading> misleveled(MamlDocument document) {
        Set<String> seen = present(document);
        List<Heading> out = new ArrayList<>();
        for (Heading h : document.headings()) {
            if (h.level() != 2) {
                Optional<String> name = canonical(h.text());
                if (name.isPresent() && seen.add(name.get())) {
                    out.add(h);
                }
            }
        }
        return out;
    }
}
