package dev.maml.server.mcp;

import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.RulePages;
import dev.maml.report.Json;
import dev.maml.schema.FrontMatterSchema;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.Arrays;
import java.util.List;

/**
 * The server's resources (spec 11.2): the rule pages {@code maml://rules/{id}} ({@link RulePages}, as the
 * language server's hover shows them) and the front-matter JSON schema.
 */
final class McpResources {

    static final String RULES = "maml://rules/";
    static final String SCHEMA = "maml://schema/front-matter";

    private McpResources() {
    }

    static SyncResourceSpecification schema() {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(SCHEMA).name("front-matter")
                .title("MAML front-matter JSON Schema").mimeType("application/schema+json")
                .description("The JSON Schema the linter checks a document's front matter against.").build();
        String text = Json.pretty(FrontMatterSchema.json());
        return new SyncResourceSpecification(resource, (exchange, request) ->
                new ReadResourceResult(List.of(new TextResourceContents(SCHEMA, "application/schema+json", text))));
    }

    static SyncResourceTemplateSpecification rules() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder().uriTemplate(RULES + "{id}")
                .name("rule").title("MAML lint rule page").mimeType("text/markdown")
                .description("What a lint rule checks, why, bad and good examples, its fix: {id} is MAML012 or its alias.")
                .build();
        return new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            String id = request.uri().substring(RULES.length());
            RuleId rule = RuleId.find(id).orElseThrow(() -> McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                    .message("no lint rule " + id + " (expected an id such as MAML012, or its alias)").build());
            String page = RulePages.page(rule);
            return new ReadResourceResult(List.of(new TextResourceContents(request.uri(), "text/markdown", page)));
        });
    }

    /** Every rule page as a listed resource, so a client that does not expand templates still finds them. */
    static List<SyncResourceSpecification> rulePages() {
        return Arrays.stream(RuleId.values()).map(rule -> {
            String uri = RULES + rule.id();
            McpSchema.Resource resource = McpSchema.Resource.builder().uri(uri).name(rule.id())
                    .title(rule.id() + " " + rule.alias()).mimeType("text/markdown").description(rule.title()).build();
            return new SyncResourceSpecification(resource, (exchange, request) ->
                    new ReadResourceResult(List.of(new TextResourceContents(uri, "text/markdown", RulePages.page(rule)))));
        }).toList();
    }
}
