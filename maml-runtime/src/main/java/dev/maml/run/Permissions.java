package dev.maml.run;

import dev.maml.model.MamlDocument;
import dev.maml.yaml.YamlMapping;
import dev.maml.yaml.YamlNode;
import dev.maml.yaml.YamlScalar;
import dev.maml.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Reads `permissions` from the front matter and decides who may do what (spec section 5). */
public final class Permissions {

    private Permissions() {
    }

    /** Null when {@code who} may execute the document, otherwise why not (for "permission denied"). */
    public static @Nullable String denyExecute(MamlDocument doc, Identity who) {
        List<Identity> allowed = entries(doc, "execute");
        if (allowed.stream().anyMatch(entry -> entry.admits(who))) {
            return null;
        }
        return who + " is not in permissions.execute ("
                + (allowed.isEmpty() ? "which is empty or missing" : "allowed: " + String.join(", ",
                allowed.stream().map(Identity::uri).toList())) + ")";
    }

    /** Whether {@code who} may read the document: listed under permissions.read or permissions.write (write implies read). */
    public static boolean mayRead(MamlDocument doc, Identity who) {
        return Stream.of("read", "write").flatMap(kind -> entries(doc, kind).stream()).anyMatch(entry -> entry.admits(who));
    }

    /** The well-formed identity URIs listed under permissions.KIND; malformed entries are the linter's business. */
    static List<Identity> entries(MamlDocument doc, String kind) {
        Optional<YamlNode> list = doc.optionalFrontMatter()
                .flatMap(fm -> fm.mapping())
                .flatMap(m -> m.get("permissions"))
                .filter(YamlMapping.class::isInstance)
                .flatMap(p -> ((YamlMapping) p).get(kind));
        List<Identity> out = new ArrayList<>();
        if (list.isPresent() && list.get() instanceof YamlSequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlScalar s) {
                    Identity.parse(s.value()).ifPresent(out::add);
                }
            }
        }
        return out;
    }
}
