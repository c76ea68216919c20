package dev.maml.lsp.outline;

import dev.maml.lsp.LspDocument;
import dev.maml.lsp.Ranges;
import dev.maml.model.ContextEntry;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlScalar;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Links to the files a document names, relative to the document's directory: the signing key
 * ({@code verification.public_key}, unless it is inline {@code base64:}), the receipt
 * ({@code mu_validation_file}), and Context values that look like a relative file path and name an
 * existing file (a Context value is free text; only a file that is there makes it a path).
 * Go-to-definition follows the same links. Untitled buffers have no directory, hence no links.
 */
public final class LinksFeature {

    private static final Pattern FILE_LIKE = Pattern.compile("[\\w./-]+\\.[\\w]+");

    private record Link(Range range, Path target) {
    }

    public List<DocumentLink> links(LspDocument doc, CancelChecker cancel) {
        List<DocumentLink> out = new ArrayList<>();
        for (Link l : find(doc)) {
            out.add(new DocumentLink(Ranges.toLsp(doc.parsed().lines(), l.range()), l.target().toUri().toString()));
        }
        cancel.checkCanceled();
        return out;
    }

    public List<Location> definition(LspDocument doc, Position position, CancelChecker cancel) {
        int offset = Ranges.offset(doc.parsed().lines(), position);
        List<Location> out = new ArrayList<>();
        for (Link l : find(doc)) {
            if (l.range().contains(offset)) {
                Position top = new Position(0, 0);
                out.add(new Location(l.target().toUri().toString(), new org.eclipse.lsp4j.Range(top, top)));
            }
        }
        return out;
    }

    private static List<Link> find(LspDocument lspDoc) {
        if (lspDoc.path() == null || lspDoc.path().getParent() == null) {
            return List.of();
        }
        Path dir = lspDoc.path().getParent();
        MamlDocument doc = lspDoc.parsed();
        List<Link> out = new ArrayList<>();
        Optional<YamlMapping> fm = doc.optionalFrontMatter().flatMap(f -> f.mapping());
        fm.flatMap(m -> m.get("verification")).filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast)
                .flatMap(v -> v.scalar("public_key"))
                .filter(s -> !s.value().startsWith("base64:"))
                .ifPresent(s -> link(dir, s, out));
        fm.flatMap(m -> m.scalar("mu_validation_file")).ifPresent(s -> link(dir, s, out));
        for (ContextEntry c : doc.context()) {
            String v = c.value().strip();
            if (FILE_LIKE.matcher(v).matches() && !v.contains("://")) {
                resolve(dir, v).filter(Files::isRegularFile).ifPresent(p -> out.add(new Link(trimmed(doc, c.valueRange()), p)));
            }
        }
        return out;
    }

    private static void link(Path dir, YamlScalar s, List<Link> out) {
        if (!s.value().isBlank()) {
            resolve(dir, s.value()).ifPresent(p -> out.add(new Link(s.range(), p)));
        }
    }

    private static Optional<Path> resolve(Path dir, String value) {
        try {
            Path p = Path.of(value);
            return Optional.of(p.isAbsolute() ? p : dir.resolve(p).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Range trimmed(MamlDocument doc, Range r) {
        String t = doc.text(r);
        int lead = t.length() - t.stripLeading().length();
        return Range.of(r.start() + lead, r.start() + lead + t.strip().length());
    }
}
