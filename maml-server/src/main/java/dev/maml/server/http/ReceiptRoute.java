package dev.maml.server.http;

import dev.maml.run.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * GET /receipts/{name}: a `.mu` receipt a run wrote, as {@code text/markdown}. The name is a bare
 * file name, as /execute's {@code receipt} gives it: a name with a separator, {@code ..}, a NUL or
 * anything else that would leave --receipts is 400; a name that is not a regular {@code .mu} file
 * there (absent, a directory, a symbolic link, a sealed container or a keyring, which share the
 * directory) is 404; a receipt of a document the caller may not read is 403 ({@link ReceiptReaders}).
 */
final class ReceiptRoute extends Route {

    private static final long serialVersionUID = 1L;

    private final transient Path receipts;

    ReceiptRoute(Path receipts) {
        super("GET");
        this.receipts = receipts;
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException {
        String info = request.getPathInfo();
        String name = info == null || info.length() < 2 ? "" : info.substring(1);
        Path file = resolve(name);
        if (!name.endsWith(".mu") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ApiError(404, "not_found", "no receipt named '" + name + "'");
        }
        byte[] text = Files.readAllBytes(file);
        ReceiptReaders.check(text, name, (Identity) request.getAttribute(AuthFilter.IDENTITY));
        response.setStatus(200);
        write(response, "text/markdown; charset=utf-8", text);
    }

    private Path resolve(String name) throws ApiError {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.equals(".") || name.equals("..")) {
            throw outside(name);
        }
        try {
            Path file = receipts.resolve(name).normalize();
            if (!receipts.equals(file.getParent())) {
                throw outside(name);
            }
            return file;
        } catch (InvalidPathException e) {
            throw outside(name);
        }
    }

    private static ApiError outside(String name) {
        return new ApiError(400, "bad_receipt_name", "a receipt name is a bare file name such as"
                + " 'posted-123.mu', got '" + name.replace("\0", "\\0") + "'");
    }
}
