package dev.maml.report;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Severity;
import dev.maml.sign.Digests;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * `maml lint --format gitlab`: a GitLab Code Quality report (the Code Climate subset GitLab reads):
 * one object per finding with {@code description}, {@code check_name}, {@code fingerprint},
 * {@code severity} and {@code location.path} + {@code location.lines.begin}.
 */
public final class GitlabReport {

    private GitlabReport() {
    }

    public static ArrayNode of(List<LintedFile> files) {
        ArrayNode issues = Json.MAPPER.createArrayNode();
        for (LintedFile f : files) {
            Map<String, Integer> seen = new HashMap<>();
            for (Diagnostic d : f.diagnostics()) {
                ObjectNode issue = issues.addObject();
                issue.put("description", d.rule().id() + " " + d.message());
                issue.put("check_name", d.rule().id());
                String identity = f.path() + '\0' + d.rule().id() + '\0' + d.message();
                issue.put("fingerprint", fingerprint(identity + '\0' + seen.merge(identity, 1, Integer::sum)));
                issue.put("severity", severity(d.severity()));
                ObjectNode location = issue.putObject("location");
                location.put("path", f.path());
                location.putObject("lines").put("begin", f.lines().displayLine(d.range().start()));
            }
        }
        return issues;
    }

    /**
     * GitLab matches a merge request's issues to the target branch's by fingerprint, so it leaves
     * out the line: a finding keeps its fingerprint when lines above it are added or removed. Path,
     * rule and message name it; the count tells identical findings in one file apart.
     */
    static String fingerprint(String identity) {
        return HexFormat.of().formatHex(Digests.sha256(identity), 0, 16);
    }

    /** Code Climate's scale: info, minor, major, critical, blocker. */
    private static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case INFO, HINT -> "info";
        };
    }
}
