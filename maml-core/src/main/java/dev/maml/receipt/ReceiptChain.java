package dev.maml.receipt;

import dev.maml.io.InputFiles;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.sign.Digests;
import dev.maml.sign.TrustStore;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of a document's receipts: each receipt's {@code prev_sha3_256} is the SHA3-256 of
 * the previous receipt's bytes. Walking it in created_at order finds the first link that does not
 * hold: a receipt that fails its own check, one whose predecessor was changed or removed, a second
 * start, or a fork. The chain shows that receipts were removed or altered; it cannot show that the
 * newest ones were never written, and an attacker who can re-sign may rebuild the whole chain.
 */
public final class ReceiptChain {

    private ReceiptChain() {
    }

    /** One receipt of a directory, read. */
    public record Link(Path file, String sha3, MamlDocument document, String sourceId, String prev, Instant createdAt) {
    }

    /** The first broken link of a chain, or null when the chain holds. */
    public record Result(List<Link> links, Link broken, String reason) {
        public boolean intact() {
            return broken == null;
        }
    }

    /** Every {@code *.mu} in {@code dir} that reads as a receipt, grouped by source_id (then source_maml). */
    public static Map<String, List<Link>> read(Path dir) throws IOException {
        Map<String, List<Link>> chains = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.mu")) {
            for (Path file : files) {
                Link link = link(file);
                if (link != null) {
                    chains.computeIfAbsent(link.sourceId(), k -> new ArrayList<>()).add(link);
                }
            }
        }
        chains.values().forEach(l -> l.sort(Comparator.comparing(Link::createdAt).thenComparing(Link::file)));
        return chains;
    }

    /** One file read as a receipt; null when it is not one (another kind of document). */
    static Link link(Path file) throws IOException {
        byte[] bytes = InputFiles.read(file); // a FIFO named x.mu must not block the walk
        MamlDocument doc = DocumentParser.parse(bytes);
        YamlMapping header = doc.optionalFrontMatter().flatMap(f -> f.mapping()).orElse(null);
        if (header == null || !header.scalar("type").map(t -> t.value().equals("receipt")).orElse(false)) {
            return null;
        }
        String key = header.scalar("source_id").or(() -> header.scalar("source_maml"))
                .map(YamlScalar::value).orElse("");
        return new Link(file, Digests.sha3_256Hex(bytes), doc, key,
                header.scalar("prev_sha3_256").map(YamlScalar::value).orElse(null), createdAt(header));
    }

    /** Checks one chain (links of one source, as {@link #read} groups them). */
    public static Result verify(List<Link> unordered, TrustStore trust) {
        Map<String, Link> bySha = new HashMap<>();
        unordered.forEach(l -> bySha.put(l.sha3(), l));
        List<Link> links = chainOrder(unordered, bySha);
        Map<String, Link> successorOf = new HashMap<>();
        Link start = null;
        for (Link link : links) {
            ReceiptVerification v = ReceiptVerifier.verify(link.document(), link.file().getParent(), null, trust);
            if (!v.valid()) {
                return new Result(links, link, v.firstProblem());
            }
            if (link.prev() == null) {
                if (start != null) {
                    return new Result(links, link, "a second first receipt (no prev_sha3_256); the chain already starts at "
                            + start.file().getFileName());
                }
                start = link;
                continue;
            }
            if (!bySha.containsKey(link.prev())) {
                return new Result(links, link, "prev_sha3_256 names no receipt here: the previous receipt was changed or removed");
            }
            Link other = successorOf.putIfAbsent(link.prev(), link);
            if (other != null) {
                return new Result(links, link, "fork: " + other.file().getFileName() + " follows the same receipt");
            }
        }
        if (start == null && !links.isEmpty()) {
            return new Result(links, links.get(0), "no receipt starts the chain (every one names a predecessor)");
        }
        return new Result(links, null, null);
    }

    /** The links of one chain in chain order, first receipt first (what an export of the chain lists). */
    public static List<Link> ordered(List<Link> links) {
        Map<String, Link> bySha = new HashMap<>();
        links.forEach(l -> bySha.put(l.sha3(), l));
        return chainOrder(links, bySha);
    }

    /**
     * Links in chain order: from each link that names no known predecessor (oldest first), follow
     * the successors; a receipt created in the same second as its predecessor still comes after it.
     */
    private static List<Link> chainOrder(List<Link> links, Map<String, Link> bySha) {
        Map<String, List<Link>> successors = new HashMap<>();
        List<Link> roots = new ArrayList<>();
        for (Link l : links) {
            if (l.prev() != null && bySha.containsKey(l.prev())) {
                successors.computeIfAbsent(l.prev(), k -> new ArrayList<>()).add(l);
            } else {
                roots.add(l);
            }
        }
        List<Link> ordered = new ArrayList<>();
        Deque<Link> todo = new ArrayDeque<>();
        for (Link root : roots) {
            todo.push(root);
            while (!todo.isEmpty()) {
                Link l = todo.pop();
                if (ordered.contains(l)) {
                    continue;
                }
                ordered.add(l);
                List<Link> next = successors.getOrDefault(l.sha3(), List.of());
                for (int i = next.size() - 1; i >= 0; i--) {
                    todo.push(next.get(i));
                }
            }
        }
        // Links on a cycle (impossible with SHA3 unless forged) are still checked, last.
        links.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);
        return ordered;
    }

    /** The newest receipt of a chain: what the next receipt names as {@code prev_sha3_256}. */
    public record Head(Path file, String sha3, @Nullable String prev) {
    }

    /**
     * The newest receipt of {@code sourceId} in {@code dir} (the one no other names as prev), or
     * null. Receipts read before and unchanged since are not parsed again ({@link ReceiptHeads}).
     */
    public static @Nullable Head head(Path dir, String sourceId) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        return ReceiptHeads.SHARED.head(dir, Objects.requireNonNullElse(sourceId, ""));
    }

    private static Instant createdAt(YamlMapping header) {
        try {
            return header.scalar("created_at").map(s -> Instant.parse(s.value())).orElse(Instant.EPOCH);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
