package dev.maml.lint;

import dev.maml.diagnostic.RuleId;
import java.util.List;

/**
 * A lint rule (markdownlint's model): it looks at a parsed document and reports findings under one
 * or more ids of the catalogue {@link RuleId}, each with a range and, where it can, a fix. Rules are
 * stateless and thread-safe; everything per-run comes through the {@link LintContext}. Rules reach
 * the engine through a {@link RuleProvider}; the engine refuses a report under an id the rule does
 * not declare, and turns an exception thrown by {@link #check} into a finding (see {@link LintEngine}).
 */
public interface Rule {

    /** The ids this rule reports under (a tight family may share one class). */
    List<RuleId> ids();

    void check(LintContext context);
}
