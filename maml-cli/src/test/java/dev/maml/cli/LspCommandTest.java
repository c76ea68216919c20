package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.report.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspCommandTest {

    @Test
    void socketModeServesOneClientOnLoopback(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(ServerProcess.command("-XX:TieredStopAtLevel=1"));
        cmd.add("--socket");
        cmd.add("0");
        Process server = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(err.readLine());
            assertTrue(m.find());
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)))) {
                RawRpc rpc = new RawRpc(socket.getInputStream(), socket.getOutputStream());
                rpc.send(Json.object().put("jsonrpc", "2.0").put("id", 1).put("method", "initialize")
                        .set("params", Json.object().set("capabilities", Json.object())));
                assertEquals("maml", rpc.response(1, 60).get("result").get("serverInfo").get("name").asString());
                rpc.send(Json.object().put("jsonrpc", "2.0").put("id", 2).put("method", "shutdown"));
                rpc.response(2, 60);
                rpc.send(Json.object().put("jsonrpc", "2.0").put("method", "exit"));
                assertTrue(server.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, server.exitValue());
            }
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void badPortIsAUsageError() {
        CliRun run = CliRun.of("lsp", "--socket", "70000");
        assertEquals(2, run.exitCode());
        assertEquals("maml: --socket: 70000 is not a port number\n", run.err());
    }
}
