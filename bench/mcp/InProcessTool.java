import dev.maml.model.FileKind;
import dev.maml.report.Json;
import dev.maml.report.LintReport;
import dev.maml.report.LintedFile;
import dev.maml.run.Identity;
import dev.maml.run.Pipeline;
import dev.maml.run.RunRequest;
import dev.maml.run.RunResult;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Source;
import dev.maml.toolchain.Toolchain;
import dev.maml.trust.TrustSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The work of an MCP tool call without the protocol, timed per call as bench/mcp/latency.mjs times
 * the MCP round trip (same warm-up, same percentiles). A single-file program:
 * <pre>
 *   java -cp maml-cli/target/maml.jar bench/mcp/InProcessTool.java lint DOCUMENT CALLS WARMUP
 *   java -cp maml-cli/target/maml.jar bench/mcp/InProcessTool.java workflow DOCUMENT CALLS WARMUP ARGUMENTS TRUST IDENTITY
 * </pre>
 * lint: the document's text through the Toolchain to the JSON the tool returns. workflow: what
 * `maml mcp` does for the tool `workflow_<stem>` (dev.maml.server.mcp.workflows.WorkflowCall): the
 * run pipeline with the server's trust (only TRUST), the caller's identity, the workflows directory
 * as root and receipt directory, and the result serialised.
 */
public class InProcessTool {

    public static void main(String[] args) throws Exception {
        String tool = args[0];
        Path document = Path.of(args[1]).toAbsolutePath();
        int calls = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        Callable<String> call = switch (tool) {
            case "lint" -> lint(Files.readString(document));
            case "workflow" -> workflow(document, (ObjectNode) Json.MAPPER.readTree(args[4]), Path.of(args[5]).toAbsolutePath(),
                    Identity.parse(args[6]).orElseThrow());
            default -> throw new IllegalArgumentException("tool must be lint or workflow, not " + tool);
        };
        int sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += call.call().length();
        }
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            sink += call.call().length();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("{\"tool\":\"%s\",\"transport\":\"in-process\",\"calls\":%d,\"warmup\":%d,\"p50_ms\":%.3f,"
                + "\"p99_ms\":%.3f,\"max_ms\":%.3f,\"sink\":%d}%n", tool, calls, warmup, pct(millis, 50), pct(millis, 99),
                millis[calls - 1], sink);
    }

    private static Callable<String> lint(String text) {
        Toolchain toolchain = new Toolchain();
        Session session = Session.standard();
        return () -> Json.compact(LintReport.json(List.of(LintedFile.of("document.maml.md",
                toolchain.lint(Source.of(text, null, FileKind.DOCUMENT), session).result()))));
    }

    private static Callable<String> workflow(Path document, ObjectNode arguments, Path trust, Identity who) {
        Pipeline pipeline = new Pipeline();
        Path dir = document.getParent();
        return () -> {
            RunResult ran = pipeline.run(RunRequest.builder(document).identity(who).input(arguments.deepCopy())
                    .trust(TrustSettings.server(List.of(trust))).root(dir).receiptDir(dir).build());
            if (!ran.ok()) {
                throw new IllegalStateException("the run failed: " + ran.message());
            }
            return Json.compact(ran.result());
        };
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100.0 * sorted.length))];
    }
}
