import dev.maml.model.FileKind;
import dev.maml.report.Json;
import dev.maml.report.LintReport;
import dev.maml.report.LintedFile;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The work of the MCP tool `lint` without the protocol: the document's text through the Toolchain
 * to the JSON the tool returns, timed per call as bench/mcp/latency.mjs times the MCP round trip
 * (same warm-up, same percentiles). A single-file program:
 *   java -cp maml-cli/target/maml.jar bench/mcp/InProcessLint.java DOCUMENT CALLS WARMUP
 */
public class InProcessLint {

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        int calls = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        Toolchain toolchain = new Toolchain();
        Session session = Session.standard();
        int sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += lint(toolchain, session, text).length();
        }
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            sink += lint(toolchain, session, text).length();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("{\"tool\":\"lint\",\"transport\":\"in-process\",\"calls\":%d,\"warmup\":%d,\"p50_ms\":%.3f,"
                + "\"p99_ms\":%.3f,\"max_ms\":%.3f,\"sink\":%d}%n", calls, warmup, pct(millis, 50), pct(millis, 99),
                millis[calls - 1], sink);
    }

    private static String lint(Toolchain toolchain, Session session, String text) {
        Source source = Source.of(text, null, FileKind.DOCUMENT);
        return Json.compact(LintReport.json(List.of(LintedFile.of("document.maml.md", toolchain.lint(source, session).result()))));
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100.0 * sorted.length))];
    }
}
