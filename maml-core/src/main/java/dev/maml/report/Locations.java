package dev.maml.report;

import dev.maml.model.LineIndex;
import dev.maml.model.Range;
import tools.jackson.databind.node.ObjectNode;

/** Writes ranges as the CLI and SARIF show them: 1-based lines, 1-based code-point columns. */
public final class Locations {

    private Locations() {
    }

    /** Adds line, column, endLine, endColumn (end exclusive, as SARIF's endColumn). */
    public static ObjectNode region(ObjectNode node, LineIndex lines, Range range) {
        node.put("line", lines.displayLine(range.start()));
        node.put("column", lines.displayColumn(range.start()));
        node.put("endLine", lines.displayLine(range.end()));
        node.put("endColumn", lines.displayColumn(range.end()));
        return node;
    }

    /** Adds line and endLine, the last line being the one holding the range's last character. */
    public static ObjectNode lines(ObjectNode node, LineIndex lines, Range range) {
        node.put("line", lines.displayLine(range.start()));
        node.put("endLine", lines.displayLine(range.end() > range.start() ? range.end() - 1 : range.start()));
        return node;
    }
}
