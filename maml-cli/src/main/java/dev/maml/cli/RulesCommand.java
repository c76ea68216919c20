package dev.maml.cli;

import dev.maml.diagnostic.RuleId;
import dev.maml.report.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml rules`: the rule catalogue ({@link RuleId}), or one rule's page (docs/rules/ID.md, packaged
 * into the jar from the docs at build time), as `ruff rule` does.
 */
@Command(name = "rules", description = {"List the lint rules (id, alias, default severity, fixable, tags, title), "
        + "or print one rule's documentation.", "Exit 0; 2 for an unknown rule."})
final class RulesCommand implements Callable<Integer> {

    /** Where the build puts the pages (maml-cli/pom.xml copies docs/rules/*.md there). */
    static final String PAGES = "/dev/maml/cli/rules/";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", arity = "0..1", description = "A rule id (MAML012) or alias (id-urn-uuid): print its page.")
    String rule;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("maml: unknown format '" + format + "' (expected text or json)");
            return ExitCodes.USAGE;
        }
        if (rule == null) {
            out.print(format.equals("json") ? Json.pretty(catalogue()) + "\n" : table());
            return ExitCodes.OK;
        }
        RuleId id = RuleId.find(rule).orElse(null);
        if (id == null) {
            err.println("maml: unknown rule '" + rule + "' (expected a rule id such as MAML012, or its alias; maml rules lists them)");
            return ExitCodes.USAGE;
        }
        String page = page(id);
        out.print(format.equals("json") ? Json.pretty(describe(id).put("page", page)) + "\n" : page);
        return ExitCodes.OK;
    }

    private static String table() {
        StringBuilder text = new StringBuilder();
        String row = "%-8s %-26s %-8s %-7s %-24s %s%n";
        text.append(String.format(row, "ID", "ALIAS", "SEVERITY", "FIXABLE", "TAGS", "TITLE"));
        for (RuleId id : RuleId.values()) {
            text.append(String.format(row, id.id(), id.alias(), id.defaultSeverity().label(), id.fixable() ? "yes" : "no",
                    String.join(",", id.tags()), id.title()));
        }
        return text.toString();
    }

    private static ObjectNode catalogue() {
        ArrayNode rules = Json.MAPPER.createArrayNode();
        Arrays.stream(RuleId.values()).map(RulesCommand::describe).forEach(rules::add);
        ObjectNode root = Json.object();
        root.set("rules", rules);
        return root;
    }

    private static ObjectNode describe(RuleId id) {
        ObjectNode rule = Json.object().put("id", id.id()).put("alias", id.alias()).put("title", id.title())
                .put("severity", id.defaultSeverity().label()).put("fixable", id.fixable());
        ArrayNode tags = rule.putArray("tags");
        id.tags().forEach(tags::add);
        return rule;
    }

    /** The rule's page as packaged in the jar; every rule has one (RuleDocsTest, RulesCommandTest). */
    static String page(RuleId id) throws IOException {
        try (InputStream in = RulesCommand.class.getResourceAsStream(PAGES + id.id() + ".md")) {
            if (in == null) {
                throw new IOException("the documentation of " + id.id() + " is missing from this build (" + PAGES + id.id() + ".md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
