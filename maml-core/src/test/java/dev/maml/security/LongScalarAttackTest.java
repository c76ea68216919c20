package dev.maml.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.lint.LintEngine;
import dev.maml.lint.LintSettings;
import dev.maml.parse.DocumentParser;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10: one long front-matter scalar made lint superlinear (SnakeYAML copied its look-ahead
 * window on every 1 KiB refill: a 10 MB value took 43 s). Not a timed test: the bytes the lint
 * allocates are counted (deterministic, unlike time on a shared machine). Linear reading allocates
 * a fixed multiple of the input; the old reading allocated about length² / 256 bytes, 8 GiB for
 * 2 MiB, so both the bound and the growth check fail on it.
 */
class LongScalarAttackTest {

    private static final int MIB = 1 << 20;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "double", "single", "literal"})
    void lintAllocationGrowsLinearlyWithOneLongScalar(String style) {
        lintAllocated(style, MIB / 4); // warm up: class loading and JIT are not what is measured
        long small = lintAllocated(style, MIB / 2);
        long large = lintAllocated(style, 2 * MIB);
        assertTrue(large < 200L * 2 * MIB, style + ": " + large + " bytes allocated to lint a 2 MiB scalar");
        assertTrue(large < 6 * small, style + ": 4x the input allocated " + large + " bytes against " + small
                + " (linear growth is 4x)");
    }

    private static long lintAllocated(String style, int length) {
        String document = document(style, length);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        LintEngine.standard().lint(DocumentParser.parse(document), LintSettings.DEFAULTS);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    static String document(String style, int length) {
        String value = "a".repeat(length);
        String scalar = switch (style) {
            case "plain" -> value;
            case "double" -> '"' + value + '"';
            case "single" -> "'" + value + "'";
            default -> "|\n  " + value;
        };
        return "---\nmaml_version: \"2.0.0\"\nid: \"urn:uuid:6d791ee8-06a5-40c3-b304-0efb4d6fecfe\"\n"
                + "type: \"workflow\"\norigin: \"agent://x\"\ndescription: " + scalar + "\n---\n## Intent\nx\n";
    }
}
