package dev.maml.lint.rules;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintContext;
import dev.maml.model.Range;
import dev.maml.schema.FrontMatterSchema;
import dev.maml.schema.SchemaViolation;
import dev.maml.schema.YamlJson;
import dev.maml.yaml.YamlEntry;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlSequence;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MAML018: what the front-matter JSON Schema rejects and no dedicated rule already says. The keys
 * MAML011-016 check are theirs in every shape (so one mistake is one finding), missing keys are
 * MAML010's; what remains is the shape of requires, verification, quantum_security_flag,
 * mu_validation_file, encryption and a non-string type. Each finding names the JSON pointer and
 * sits on the YAML node the pointer leads to.
 */
final class FrontMatterSchemaRule extends FrontMatterRule {

    /** Instance locations whose every violation a dedicated rule reports. */
    private static final List<String> OWNED = List.of("/maml_version", "/id", "/origin", "/permissions", "/created_at");

    FrontMatterSchemaRule() {
        super(RuleId.MAML018);
    }

    @Override
    void check(LintContext context, YamlMapping frontMatter) {
        Set<String> reported = new HashSet<>();
        for (SchemaViolation v : FrontMatterSchema.validator().validate(YamlJson.toJson(frontMatter))) {
            // One finding per node: a failed anyOf also lists why each branch failed.
            if (!owned(v) && reported.add(v.pointer())) {
                YamlJson.Located at = YamlJson.locate(frontMatter, v.pointer())
                        .orElse(new YamlJson.Located(frontMatter, null));
                String found = at.node() == frontMatter ? "" : " " + YamlValues.describe(at.node());
                context.report(Diagnostic.of(RuleId.MAML018, "front matter " + v.displayPointer() + found + ": "
                        + v.message(), range(context, frontMatter, at, v)));
            }
        }
        frontMatter.entry("requires").filter(e -> e.value() instanceof YamlSequence).ifPresent(list ->
                context.report(Diagnostic.of(RuleId.MAML018, Severity.WARNING, "front matter /requires: a list is the "
                        + "legacy form; use a map of resources, libs and apis to lists", list.key().range())));
    }

    private static boolean owned(SchemaViolation v) {
        if (v.pointer().isEmpty()) {
            return "required".equals(v.keyword());
        }
        return OWNED.stream().anyMatch(p -> v.pointer().equals(p) || v.pointer().startsWith(p + "/"));
    }

    /** The key a property keyword ("required", "additionalProperties") is about, else where the value is shown. */
    private static Range range(LintContext context, YamlMapping root, YamlJson.Located at, SchemaViolation v) {
        if (v.property() != null && at.node() instanceof YamlMapping m && m.entry(v.property()).isPresent()) {
            return m.entry(v.property()).get().key().range();
        }
        if (at.key() != null) {
            return YamlValues.marker(new YamlEntry(at.key(), at.node()));
        }
        return at.node() == root ? context.document().frontMatter().openDelimiter() : at.node().range();
    }
}
