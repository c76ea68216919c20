import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor under any JVM language server for bench/lsp/client.mjs: it reads the client's frames and
 * answers each from a constant (an empty publishDiagnostics for every open and change, a completion
 * list about the size of maml's front-matter keys), with no LSP4J, no JSON parser and no work. What
 * it costs is the pipes, the JVM's reads and writes and the client's own handling, so maml's figures
 * minus this one are what maml itself adds (docs/performance.md, issue 15).
 */
public final class EchoServer {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern METHOD = Pattern.compile("\"method\":\"([^\"]+)\"");
    private static final Pattern URI = Pattern.compile("\"uri\":\"([^\"]+)\"");

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        String completion = completionList();
        for (;;) {
            int length = -1;
            for (String line = header(in); !line.isEmpty(); line = header(in)) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = new byte[length];
            in.readFully(body);
            String message = new String(body, StandardCharsets.UTF_8);
            Matcher method = METHOD.matcher(message);
            String name = method.find() ? method.group(1) : "";
            Matcher id = ID.matcher(message);
            if (name.equals("exit")) {
                return;
            } else if (name.equals("textDocument/didOpen") || name.equals("textDocument/didChange")) {
                Matcher uri = URI.matcher(message);
                uri.find();
                write(out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"uri\":\""
                        + uri.group(1) + "\",\"diagnostics\":[]}}");
            } else if (!name.isEmpty() && id.find()) {
                String result = switch (name) {
                    case "initialize" -> "{\"capabilities\":{\"textDocumentSync\":2,\"completionProvider\":{}}}";
                    case "textDocument/completion" -> completion;
                    default -> "null";
                };
                write(out, "{\"jsonrpc\":\"2.0\",\"id\":" + id.group(1) + ",\"result\":" + result + "}");
            }
        }
    }

    /** Six keys with a Markdown paragraph each: about the 2.5 KB maml answers at the front matter's top level. */
    private static String completionList() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            items.append(i == 0 ? "" : ",").append("{\"label\":\"key_").append(i).append("\",\"kind\":10,\"detail\":\"Key ")
                    .append(i).append("\",\"documentation\":{\"kind\":\"markdown\",\"value\":\"**key_").append(i)
                    .append("** (object) \u2014 Key ").append(i).append("\\n\\nWhat the document needs to run: hardware or")
                    .append(" services, software packages and remote APIs, each a list of strings.\\n\\nExamples: `[]`\"},")
                    .append("\"textEdit\":{\"range\":{\"start\":{\"line\":3,\"character\":0},\"end\":{\"line\":3,")
                    .append("\"character\":0}},\"newText\":\"key_").append(i).append(": \"}}");
        }
        return "{\"isIncomplete\":false,\"items\":[" + items + "]}";
    }

    private static String header(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                System.exit(0);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void write(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[header.length + body.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(body, 0, frame, header.length, body.length);
        out.write(frame);
    }
}
