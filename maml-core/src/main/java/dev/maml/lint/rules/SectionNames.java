package dev.maml.lint.rules;

import dev.maml.model.Heading;
import dev.maml.model.MamlDocument;
import dev.maml.model.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The section names of spec section 4 and how a written heading maps onto them. A heading "names"
 * a known section when it matches it exactly, or after folding case, spaces, underscores and
 * hyphens ({@code Code Blocks}, {@code code_blocks}); the folded match is a form problem (MAML035),
 * not an unknown section (MAML032), so the section rules all resolve names through this class.
 */
final class SectionNames {

    /** Spec section 4's recommended order; the index is a section's rank. */
    static final List<String> RECOMMENDED_ORDER = List.of(
            "Intent", "Context", "Content", "Code_Blocks", "Input_Schema", "Output_Schema", "History");

    /** Legacy section: known, but outside the recommended order (spec section 4). */
    static final String VERIFICATION = "Verification";

    static final List<String> KNOWN;

    /** Folded name to known name: rules resolve every section and code block through this. */
    private static final Map<String, String> BY_FOLDED = new HashMap<>();

    static {
        List<String> known = new ArrayList<>(RECOMMENDED_ORDER);
        known.add(VERIFICATION);
        KNOWN = List.copyOf(known);
        KNOWN.forEach(k -> BY_FOLDED.put(fold(k), k));
    }

    private SectionNames() {
    }

    /** Lower case without spaces, underscores and hyphens: the key for form-insensitive matching. */
    static String fold(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-' && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The known section a name stands for, exactly or in another form; empty for unknown names. */
    static Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_FOLDED.get(fold(name)));
    }

    /** "Did you mean": the known section an unknown name is a near-miss of (Levenshtein <= 2, folded). */
    static Optional<String> suggestion(String name) {
        return Suggestions.closest(fold(name), KNOWN.stream().map(SectionNames::fold).toList())
                .flatMap(SectionNames::canonical);
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
