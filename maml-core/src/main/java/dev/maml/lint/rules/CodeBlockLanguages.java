package dev.maml.lint.rules;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.CodeBlock;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.vocabulary.SectionWord;
import dev.maml.vocabulary.Vocabulary;
import java.util.List;
import java.util.Locale;

/**
 * MAML041 and MAML042: the language tags of the fenced blocks in Code_Blocks. Only that section
 * is checked; a fence elsewhere (Context, Content) is data, not code. Tags are compared exactly as
 * the spec writes them (info strings are case-sensitive in CommonMark).
 */
final class CodeBlockLanguages implements Rule {

    /** The languages the runtime executes (spec section 4). */
    private static final List<String> RUNTIME = Vocabulary.runtimeLanguages();

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML041, RuleId.MAML042);
    }

    @Override
    public void check(LintContext context) {
        MamlDocument doc = context.document();
        for (CodeBlock block : doc.codeBlocks()) {
            if (Vocabulary.section(block.section()).filter(SectionWord::code).isEmpty()) {
                continue;
            }
            String language = block.language();
            if (language.isEmpty()) {
                context.report(RuleId.MAML041, "code block in Code_Blocks has no language tag; name it after the fence,"
                        + " e.g. \"" + fence(block) + "python\"", block.open());
            } else if (!RUNTIME.contains(language)) {
                String lower = language.toLowerCase(Locale.ROOT);
                String advice = RUNTIME.contains(lower) ? "write \"" + lower + "\" (tags are case-sensitive) to run it"
                        : "the runtime runs only " + String.join(", ", RUNTIME) + "; this block is documentation";
                context.report(RuleId.MAML042, "code block language \"" + language + "\" is not run: " + advice,
                        languageRange(doc, block));
            }
        }
    }

    private static String fence(CodeBlock block) {
        return String.valueOf(block.fenceChar()).repeat(block.fenceLength());
    }

    /** The tag itself: the first word of the info string on the opening fence line. */
    private static Range languageRange(MamlDocument doc, CodeBlock block) {
        String line = doc.text(block.open());
        int from = line.indexOf(block.language(), line.indexOf(fence(block)) + block.fenceLength());
        return Range.of(block.open().start() + from, block.open().start() + from + block.language().length());
    }
}
