package dev.maml.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who asks: `agent://NAME` or `gateway://NAME` (spec section 5); NAME may be `*` in permission lists. */
public record Identity(String scheme, String name) {

    public static final Identity LOCAL = new Identity("agent", "local");

    private static final Pattern URI = Pattern.compile("(agent|gateway)://([A-Za-z0-9._-]+|\\*)");

    public static Optional<Identity> parse(String text) {
        Matcher m = URI.matcher(text.strip());
        return m.matches() ? Optional.of(new Identity(m.group(1), m.group(2))) : Optional.empty();
    }

    public boolean isWildcard() {
        return name.equals("*");
    }

    /** Whether a permission entry (this) admits {@code who}: literally, or as the wildcard of its scheme. */
    public boolean admits(Identity who) {
        return scheme.equals(who.scheme) && (isWildcard() || name.equals(who.name));
    }

    public String uri() {
        return scheme + "://" + name;
    }

    @Override
    public String toString() {
        return uri();
    }
}
