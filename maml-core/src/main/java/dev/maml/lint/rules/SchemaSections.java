package dev.maml.lint.rules;

import com.networknt.schema.SpecificationVersion;
import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.lint.LintContext;
import dev.maml.lint.Rule;
import dev.maml.model.CodeBlock;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.model.SchemaBlock;
import dev.maml.model.Section;
import dev.maml.schema.LocatedJson;
import dev.maml.schema.MetaSchemaCheck;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Input_Schema and Output_Schema (spec section 4): each holds exactly one JSON object (MAML052)
 * that is JSON (MAML050) and a valid JSON Schema of its dialect (MAML051). Every finding points
 * into the embedded JSON: Jackson's offsets and the value positions of {@link LocatedJson} are
 * offsets into the schema text, which starts at the block's range in the document.
 */
final class SchemaSections implements Rule {

    @Override
    public List<RuleId> ids() {
        return List.of(RuleId.MAML050, RuleId.MAML051, RuleId.MAML052);
    }

    @Override
    public void check(LintContext context) {
        MamlDocument doc = context.document();
        // blocks and sections are both in document order: walk them together (linear, even for a
        // document with thousands of schema sections)
        List<Section> sections = doc.sections();
        int at = 0;
        Section withSchema = null;
        for (SchemaBlock block : doc.schemas()) {
            while (at + 1 < sections.size() && sections.get(at).range().end() <= block.range().start()) {
                at++;
            }
            Section section = sections.get(at);
            if (section == withSchema) {
                context.report(RuleId.MAML052, block.section() + " already holds a schema; a schema section holds"
                        + " exactly one JSON object", blockStart(doc, block));
                continue;
            }
            withSchema = section;
            check(context, block);
        }
    }

    private static void check(LintContext context, SchemaBlock block) {
        LocatedJson json = readObject(context, block);
        if (json != null) {
            checkSchema(context, block, json);
        }
    }

    /** The block as one JSON object, or null after reporting why it is not (MAML050, MAML052). */
    private static LocatedJson readObject(LintContext context, SchemaBlock block) {
        String section = block.section();
        if (block.json().isBlank()) {
            context.report(RuleId.MAML052, section + " holds an empty block; a schema section holds exactly one"
                    + " JSON object", blockStart(context.document(), block));
            return null;
        }
        LocatedJson json = LocatedJson.read(block.json());
        int base = block.range().start();
        int first = block.json().length() - block.json().stripLeading().length();
        if (json.error() != null && block.json().charAt(first) != '{') {
            // not an attempt at JSON at all (a list, prose): Jackson's reason would only confuse
            context.report(RuleId.MAML050, section + " is not JSON: it must be one JSON object starting with \"{\""
                    + " (bare, or in a ```json fence)", shift(Range.of(first, first + 1), base));
            return null;
        }
        if (json.error() != null) {
            String fence = block.fenced() && !block.language().isEmpty() && !block.language().equals("json")
                    ? " (the fence says \"" + block.language() + "\"; a schema must be JSON)" : "";
            context.report(RuleId.MAML050, section + " is not valid JSON: " + json.error().message() + fence,
                    shift(json.error().range(), base));
            return null;
        }
        if (!json.root().isObject()) {
            context.report(RuleId.MAML052, section + " must hold one JSON object (a JSON Schema), not "
                    + kind(json.root()), shift(json.locate("").orElseThrow(), base));
            return null;
        }
        if (json.trailing() >= 0) {
            context.report(RuleId.MAML052, section + " goes on after its JSON object; a schema section holds exactly"
                    + " one JSON object (text around it belongs outside a ```json fence)",
                    shift(Range.of(json.trailing(), Math.min(json.trailing() + 1, block.json().length())), base));
        }
        return json;
    }

    /** MAML051: the object against the meta-schema of the dialect it declares. */
    private static void checkSchema(LintContext context, SchemaBlock block, LocatedJson json) {
        String section = block.section();
        int base = block.range().start();
        JsonNode declared = json.root().get("$schema");
        Optional<SpecificationVersion> version = declared != null && declared.isString()
                ? MetaSchemaCheck.dialect(declared.asString())
                : Optional.of(SpecificationVersion.DRAFT_2020_12);
        if (version.isEmpty()) {
            context.report(RuleId.MAML051, section + " declares $schema \"" + declared.asString()
                    + "\", a dialect this linter cannot check; use one of " + String.join(", ",
                    MetaSchemaCheck.knownDialects()), shift(json.locate("/$schema").orElseThrow(), base));
            return;
        }
        if (json.depth() > MetaSchemaCheck.MAX_DEPTH) {
            context.report(Diagnostic.of(RuleId.MAML051, Severity.WARNING, section + " is nested " + json.depth()
                    + " levels deep; schemas deeper than " + MetaSchemaCheck.MAX_DEPTH + " levels are not checked",
                    shift(json.locate("").orElseThrow(), base)));
            return;
        }
        for (MetaSchemaCheck.Problem p : MetaSchemaCheck.check(json.root(), version.get())) {
            String where = p.pointer().isEmpty() ? "/" : p.pointer();
            context.report(RuleId.MAML051, section + " is not a valid JSON Schema (" + MetaSchemaCheck.label(version.get())
                    + "): " + where + " " + p.message(), shift(json.locate(p.pointer()).orElseThrow(), base));
        }
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isString() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : "null";
    }

    /** A fenced schema is shown by its opening fence line, a bare one by its first line. */
    private static Range blockStart(MamlDocument doc, SchemaBlock block) {
        if (block.fenced()) {
            // code blocks are in document order: binary search by where their content starts
            List<CodeBlock> code = doc.codeBlocks();
            int lo = 0;
            int hi = code.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int start = code.get(mid).content().start();
                if (start == block.range().start()) {
                    return code.get(mid).open();
                }
                if (start < block.range().start()) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
        }
        int line = doc.lines().lineOf(block.range().start());
        return Range.of(block.range().start(), Math.max(block.range().start(), doc.lines().lineEnd(line)));
    }

    private static Range shift(Range range, int base) {
        return Range.of(base + range.start(), base + range.end());
    }
}
