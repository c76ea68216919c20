package dev.maml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.maml.report.Json;
import dev.maml.testing.ChildProcesses;
import dev.maml.testing.RealParts;
import dev.maml.testing.TestData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real editor: headless Neovim starts `maml lsp` through {@code vim.lsp.start_client}, opens
 * documents and reports {@code vim.diagnostic.get}; the rule ids and lines must be exactly what
 * `maml lint --format json` reports for the same files. It also completes a section heading and
 * applies a quick fix through the client's own code, its edit obtained by {@code codeAction/resolve}.
 * Under CI=true a missing nvim fails the test.
 */
class NeovimTest {

    @Test
    void neovimShowsWhatTheCliReports(@TempDir Path dir) throws Exception {
        String nvim = findNvim();
        List<Path> files = new ArrayList<>();
        files.add(copy(TestData.example(), dir));
        for (Path p : TestData.corpusFiles().subList(0, Math.min(6, TestData.corpusFiles().size()))) {
            files.add(copy(p, dir));
        }
        files.add(write(dir, "trailing.maml.md", "---  \nmaml_version: \"2.0.0\"\n---\n## Int\nx\n```python\nprint(1)\n"));
        files.add(write(dir, "clean.maml.md", "---\nmaml_version: \"2.0.0\"\n---\n## Intent\nTest.\n"));

        Set<String> expected = cliFindings(files);
        Path out = dir.resolve("nvim-out.jsonl");
        Path script = dir.resolve("run.lua");
        Files.writeString(script, lua(files, out));
        Process p = new ProcessBuilder(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + script)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile()).start();
        try {
            ChildProcesses.waitFor(p, Duration.ofSeconds(180), "nvim (and the maml lsp it started)");
        } catch (AssertionError e) {
            fail(e.getMessage() + "; log:\n" + read(dir.resolve("nvim.log")));
        }
        assertTrue(Files.exists(out), () -> "nvim wrote nothing; log:\n" + read(dir.resolve("nvim.log")));

        Set<String> seen = new TreeSet<>();
        String fixedFirstLine = null;
        List<String> completions = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("timeout")) {
                fail("no diagnostics published for " + n.get("file").asString());
            } else if (n.has("code")) {
                seen.add(Path.of(n.get("file").asString()).getFileName() + ":" + (n.get("line").asInt() + 1) + ":"
                        + n.get("code").asString());
            } else if (n.has("fixed")) {
                fixedFirstLine = n.get("fixed").asString();
            } else if (n.has("completion")) {
                completions.add(n.get("completion").asString());
            }
        }
        assertTrue(!expected.isEmpty(), "the files should have findings");
        assertEquals(expected, seen);
        assertEquals("---", fixedFirstLine);
        assertTrue(completions.contains("## Intent"), completions::toString);
    }

    private static Set<String> cliFindings(List<Path> files) {
        List<String> args = new ArrayList<>(List.of("lint", "--format", "json"));
        files.forEach(f -> args.add(f.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        JsonNode report = Json.MAPPER.readTree(run.out());
        Set<String> out = new TreeSet<>();
        for (JsonNode f : report.get("files")) {
            String name = Path.of(f.get("path").asString()).getFileName().toString();
            for (JsonNode d : f.get("diagnostics")) {
                out.add(name + ":" + d.get("line").asInt() + ":" + d.get("rule").asString());
            }
        }
        return out;
    }

    private static String lua(List<Path> files, Path out) {
        String cmd = ServerProcess.command("-XX:TieredStopAtLevel=1").stream().map(NeovimTest::luaString)
                .collect(Collectors.joining(", "));
        String list = files.stream().map(f -> luaString(f.toString())).collect(Collectors.joining(", "));
        return """
                local files = { %s }
                local out = io.open(%s, 'w')
                local published = {}
                local client_id = vim.lsp.start_client({
                  cmd = { %s },
                  root_dir = vim.fn.getcwd(),
                  handlers = {
                    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
                      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
                      published[result.uri] = true
                    end,
                  },
                })
                for _, f in ipairs(files) do
                  vim.cmd('edit ' .. vim.fn.fnameescape(f))
                  local buf = vim.api.nvim_get_current_buf()
                  vim.lsp.buf_attach_client(buf, client_id)
                  local uri = vim.uri_from_bufnr(buf)
                  if not vim.wait(60000, function() return published[uri] end, 20) then
                    out:write(vim.json.encode({ file = f, timeout = true }) .. '\\n')
                  end
                  for _, d in ipairs(vim.diagnostic.get(buf)) do
                    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
                    out:write(vim.json.encode({ file = f, line = d.lnum, code = code }) .. '\\n')
                  end
                  if f:match('trailing') then
                    local items = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
                      { textDocument = { uri = uri }, position = { line = 3, character = 6 } }, 30000)
                    for _, r in pairs(items or {}) do
                      local list = r.result and (r.result.items or r.result) or {}
                      for _, item in ipairs(list) do
                        out:write(vim.json.encode({ completion = item.label }) .. '\\n')
                      end
                    end
                    local diags = vim.lsp.diagnostic.get_line_diagnostics(buf, 0)
                    local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
                      textDocument = { uri = uri },
                      range = { start = { line = 0, character = 3 }, ['end'] = { line = 0, character = 3 } },
                      context = { diagnostics = diags, only = { 'quickfix' } },
                    }, 30000)
                    -- Neovim announces resolveSupport, so the server leaves the edits to codeAction/resolve
                    -- (what vim.lsp.buf.code_action does); every action is resolved before any edit changes the buffer.
                    local edits = {}
                    for _, r in pairs(actions or {}) do
                      for _, action in ipairs(r.result or {}) do
                        if not action.edit and action.data then
                          local resolved = vim.lsp.buf_request_sync(buf, 'codeAction/resolve', action, 30000)
                          for _, rr in pairs(resolved or {}) do
                            action = rr.result or action
                          end
                        end
                        if action.edit then
                          table.insert(edits, action.edit)
                        end
                      end
                    end
                    for _, edit in ipairs(edits) do
                      vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
                    end
                    out:write(vim.json.encode({ fixed = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] }) .. '\\n')
                  end
                end
                out:close()
                vim.lsp.stop_client(client_id)
                vim.cmd('qa!')
                """.formatted(list, luaString(out.toString()), cmd);
    }

    private static String luaString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String findNvim() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "nvim");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        RealParts.missing("nvim is not installed (apt-get install neovim)");
        return null;
    }

    private static Path copy(Path from, Path dir) throws IOException {
        return Files.copy(from, dir.resolve(from.getFileName()));
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
