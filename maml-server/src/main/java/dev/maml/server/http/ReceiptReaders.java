package dev.maml.server.http;

import dev.maml.model.FrontMatter;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.receipt.Mirror;
import dev.maml.receipt.ReceiptVerifier;
import dev.maml.run.Identity;
import dev.maml.run.Permissions;
import dev.maml.yaml.YamlScalar;

/**
 * Who may fetch a receipt over GET /receipts/{name}. A receipt's body is its source document,
 * mirrored (spec 9): anyone can undo the mirror, so serving a receipt is serving the document, and
 * spec 5 has the server check {@code permissions.read} when it serves a document. The reader must be
 * admitted by the source's {@code permissions.read} or {@code permissions.write} (write implies
 * read), as for a workflow document served as an MCP resource. Having run the document is not
 * enough: {@code execute} does not imply {@code read}. The decision fails closed: a receipt whose
 * source cannot be read back (no closed header, another mirror) is served to nobody.
 */
final class ReceiptReaders {

    private ReceiptReaders() {
    }

    /** @throws ApiError 403 unless {@code who} may read the document {@code receipt} mirrors */
    static void check(byte[] receipt, String name, Identity who) throws ApiError {
        MamlDocument parsed = DocumentParser.parse(receipt);
        FrontMatter header = parsed.frontMatter();
        boolean readable = header != null && header.closed() && header.mapping()
                .flatMap(m -> m.scalar("mirror")).map(YamlScalar::value).filter(Mirror.METHOD::equals).isPresent();
        if (!readable) {
            throw new ApiError(403, "forbidden", "'" + name + "' has no readable receipt header, so whom it may be"
                    + " served to cannot be told; it is served to nobody");
        }
        MamlDocument source = DocumentParser.parse(Mirror.apply(ReceiptVerifier.body(parsed)));
        if (!Permissions.mayRead(source, who)) {
            throw new ApiError(403, "forbidden", "permission denied: " + who + " may not read the document receipt '"
                    + name + "' holds (not in its permissions.read or permissions.write)");
        }
    }
}
