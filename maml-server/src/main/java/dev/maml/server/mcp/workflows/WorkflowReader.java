package dev.maml.server.mcp.workflows;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Severity;
import dev.maml.io.AtomicFiles;
import dev.maml.lint.LintResult;
import dev.maml.model.FileKind;
import dev.maml.model.LineIndex;
import dev.maml.model.MamlDocument;
import dev.maml.report.Json;
import dev.maml.schema.SchemaValidator;
import dev.maml.server.mcp.workflows.Unlisted.Reason;
import dev.maml.sign.Verification;
import dev.maml.toolchain.LintOutcome;
import dev.maml.toolchain.Linting;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Reads the workflows directory (its own files, not subdirectories) and decides, for each
 * {@code *.maml.md} / {@code *.maml.markdown}, everything that does not depend on who asks, in the
 * run's order: readable, lint errors, signature (valid and trusted), object schemas. Linting is the
 * toolchain's, with the signature rules off as in the run's lint gate, so that a signature problem
 * is reported as one (not as "lint errors"); the signature is then checked once, by
 * {@link Toolchain#verify} with the server's trust and signature policy.
 */
final class WorkflowReader {

    static final String PREFIX = "workflow_";
    /** The longest tool name MCP allows. */
    static final int MAX_NAME = 128;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Path directory;
    private final Session session;
    private final Session lintSession;
    private final Toolchain toolchain = new Toolchain();

    /** One document's verdict: a workflow, or why it is not one. */
    record Read(Path file, @Nullable Workflow workflow, @Nullable Unlisted unlisted) {
    }

    WorkflowReader(Path directory, Session session) {
        this.directory = directory;
        this.session = session;
        this.lintSession = Session.builder().includeIgnored().severities(Linting.GATE_OFF).trust(session.trust())
                .signaturePolicy(session.signaturePolicy()).maxBytes(session.maxBytes()).build();
    }

    /** Every document of the directory, in file name order; an unreadable directory has none. */
    List<Read> readAll() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (FileKind.of(entry).filter(kind -> kind == FileKind.DOCUMENT).isPresent() && !Files.isDirectory(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files.stream().map(this::read).toList();
    }

    /**
     * Whether a change to this entry may change the listing: anything but a receipt (runs write them
     * here) and a writer's temporary file ({@code .NAME.….tmp}, renamed to NAME when complete).
     * Documents count, and so do lint configurations and whatever else a listing may come to read.
     */
    static boolean mayChangeTheListing(Path name) {
        return !AtomicFiles.isTempName(name) && FileKind.of(name).filter(kind -> kind == FileKind.RECEIPT).isEmpty();
    }

    /** The tool name of a document file: {@code workflow_} and the stem with characters outside {@code [A-Za-z0-9_-]} as {@code _}. */
    static String toolName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String suffix = lower.endsWith(".maml.md") ? ".maml.md" : ".maml.markdown";
        String stem = name.substring(0, name.length() - suffix.length());
        return PREFIX + stem.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    Read read(Path file) {
        Source source;
        try {
            source = session.read(file);
        } catch (IOException e) {
            return unlisted(file, Reason.UNREADABLE, "cannot be read: " + e.getMessage());
        }
        LintOutcome lint = toolchain.lint(source, lintSession);
        if (lint.configError() != null) {
            return unlisted(file, Reason.LINT_ERRORS, "its lint config is broken: " + lint.configError());
        }
        LintResult result = lint.result();
        List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            Diagnostic first = errors.get(0);
            LineIndex lines = result.document().lines();
            return unlisted(file, Reason.LINT_ERRORS, errors.size() + " lint error" + (errors.size() == 1 ? "" : "s")
                    + "; first: " + lines.displayLine(first.range().start()) + ":"
                    + lines.displayColumn(first.range().start()) + ": " + first.rule().id() + "/"
                    + first.rule().alias() + " " + first.message());
        }
        Verification v;
        try {
            v = toolchain.verify(source, session).verification();
        } catch (IOException e) {
            return unlisted(file, Reason.UNREADABLE, "the trust stores cannot be read: " + e.getMessage());
        }
        Reason refused = switch (v.outcome()) {
            case VALID -> null;
            case VALID_UNTRUSTED -> Reason.UNTRUSTED;
            case UNSIGNED -> Reason.NOT_SIGNED;
            case INVALID, MALFORMED, BELOW_MINIMUM -> Reason.INVALID_SIGNATURE;
        };
        if (refused != null) {
            return unlisted(file, refused, "signature " + v.outcome().label() + ": " + v.reason());
        }
        return workflow(file, result.document());
    }

    private Read workflow(Path file, MamlDocument doc) {
        String name = toolName(file);
        if (name.length() > MAX_NAME) {
            return unlisted(file, Reason.NAME_TOO_LONG, "its tool name would have " + name.length() + " characters; MCP"
                    + " allows " + MAX_NAME);
        }
        McpSchema.Tool tool;
        SchemaValidator output;
        try {
            var outputSchema = ToolSchemas.output(doc);
            output = SchemaValidator.compile(outputSchema);
            tool = McpSchema.Tool.builder()
                    .name(name)
                    .description(doc.section("Intent").map(s -> doc.text(s.body()).strip()).orElse(""))
                    .inputSchema(Json.MAPPER.convertValue(ToolSchemas.input(doc), MAP))
                    .outputSchema(Json.MAPPER.convertValue(outputSchema, MAP))
                    .build();
        } catch (ToolSchemas.NotAnObject e) {
            return unlisted(file, Reason.SCHEMA_NOT_OBJECT, e.getMessage());
        } catch (IllegalArgumentException e) {
            return unlisted(file, Reason.SCHEMA_NOT_OBJECT, "Output_Schema cannot be used: " + e.getMessage());
        }
        return new Read(file, new Workflow(file, doc, tool, output), null);
    }

    private static Read unlisted(Path file, Reason reason, String why) {
        return new Read(file, null, new Unlisted(file, reason, file.getFileName() + ": " + why));
    }
}
