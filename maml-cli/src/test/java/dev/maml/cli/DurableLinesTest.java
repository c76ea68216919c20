package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** maml-run's group commit: every line comes out, and none reports a receipt its directory could not keep. */
class DurableLinesTest {

    @TempDir
    Path dir;

    @Test
    void everyLineIsPassedOnBeforeCloseReturns() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        DurableLines lines = new DurableLines(line -> seen.add(line.get("path").asString()));
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Path receipt = Files.writeString(dir.resolve("r" + i + ".mu"), "x");
            lines.add(line("d" + i), i % 7 == 0 ? null : receipt);
            added.add("d" + i);
        }
        lines.close();
        assertEquals(added, seen, "all lines, in the order they were added");
    }

    @Test
    void aReceiptWhoseDirectoryCannotBeForcedIsReportedAsAFailure() throws Exception {
        List<ObjectNode> seen = new ArrayList<>();
        DurableLines lines = new DurableLines(seen::add);
        lines.add(line("gone"), dir.resolve("missing/r.mu"));
        lines.add(line("kept"), Files.writeString(dir.resolve("r.mu"), "x"));
        lines.close();
        assertEquals("failed", seen.get(0).get("status").asString());
        assertEquals(ExitCodes.FAILED, seen.get(0).get("exit_code").asInt());
        assertTrue(seen.get(0).get("message").asString().contains("could not be forced to disk"), seen.get(0).toString());
        assertEquals("ok", seen.get(1).get("status").asString());
    }

    private static ObjectNode line(String path) {
        return Json.object().put("path", path).put("status", "ok").put("exit_code", 0);
    }
}
