package dev.maml.server.http;

import dev.maml.receipt.ReceiptStore;
import dev.maml.run.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * GET /receipts/{name}: a `.mu` receipt a run wrote, as {@code text/markdown}. The name is a bare
 * file name, as /execute's {@code receipt} gives it: a name with a separator, {@code ..}, a NUL or
 * anything else that would leave --receipts is 400; a name that is not a regular {@code .mu} file
 * there (absent, a directory, a symbolic link, a sealed container or a keyring, which share the
 * directory) is 404; a receipt of a document the caller may not read is 403 ({@link ReceiptReaders}).
 */
final class ReceiptRoute extends Route {

    private static final long serialVersionUID = 1L;

    private final transient ReceiptStore receipts;

    ReceiptRoute(ReceiptStore receipts) {
        super("GET");
        this.receipts = receipts;
    }

    @Override
    void answer(HttpServletRequest request, HttpServletResponse response) throws ApiError, IOException {
        String info = request.getPathInfo();
        String name = info == null || info.length() < 2 ? "" : info.substring(1);
        checkBare(name);
        Optional<byte[]> text = name.endsWith(".mu") ? receipts.read(name) : Optional.empty();
        if (text.isEmpty()) {
            throw new ApiError(404, "not_found", "no receipt named '" + name + "'");
        }
        ReceiptReaders.check(text.get(), name, (Identity) request.getAttribute(AuthFilter.IDENTITY));
        response.setStatus(200);
        write(response, "text/markdown; charset=utf-8", text.get());
    }

    private static void checkBare(String name) throws ApiError {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.equals(".") || name.equals("..")) {
            throw new ApiError(400, "bad_receipt_name", "a receipt name is a bare file name such as"
                    + " 'posted-123.mu', got '" + name.replace("\0", "\\0") + "'");
        }
    }
}
