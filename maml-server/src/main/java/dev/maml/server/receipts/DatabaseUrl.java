package dev.maml.server.receipts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL JDBC URL as `--receipts jdbc:postgresql://HOST[:PORT]/DATABASE[?…]` gives it. The
 * credentials come from the URL's {@code user} and {@code password} parameters or, when it names
 * none, from the environment ({@code PGUSER}, {@code PGPASSWORD}, as libpq reads them), so a
 * password need not appear on a command line. Neither is ever printed: {@link #redacted()} is what
 * logs and errors show, and {@link #scrub} removes the password from a driver's message.
 */
public final class DatabaseUrl {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final Pattern PARAMETER = Pattern.compile("[?&]([^=&]+)=([^&]*)");

    private final String url;
    private final Properties properties;
    private final String redacted;

    private DatabaseUrl(String url, Properties properties, String redacted) {
        this.url = url;
        this.properties = properties;
        this.redacted = redacted;
    }

    /** Whether an option's value names a database rather than a directory. */
    public static boolean names(String value) {
        return value.startsWith("jdbc:");
    }

    /**
     * @param env the environment to take PGUSER and PGPASSWORD from
     * @throws IllegalArgumentException for anything but a PostgreSQL URL with a host and a database
     */
    public static DatabaseUrl parse(String value, Map<String, String> env) {
        String shown = redact(value);
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException(shown + ": only PostgreSQL is supported,"
                    + " as jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(shown + ": control characters in the URL");
        }
        String rest = value.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String address = query < 0 ? rest : rest.substring(0, query);
        int slash = address.indexOf('/');
        if (address.contains("@") || slash <= 0 || slash == address.length() - 1) {
            throw new IllegalArgumentException(shown + ": expected jdbc:postgresql://HOST[:PORT]/DATABASE"
                    + " (credentials as ?user=…&password=… or PGUSER and PGPASSWORD)");
        }
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "maml-serve");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        String inUrlUser = query < 0 ? null : parameter(rest.substring(query), "user");
        String inUrlPassword = query < 0 ? null : parameter(rest.substring(query), "password");
        if (inUrlUser == null && env.get("PGUSER") != null) {
            properties.setProperty("user", env.get("PGUSER"));
        }
        if (inUrlPassword == null && env.get("PGPASSWORD") != null) {
            properties.setProperty("password", env.get("PGPASSWORD"));
        } else if (inUrlPassword != null) {
            properties.setProperty("password", inUrlPassword); // kept to scrub it from messages; the URL's wins anyway
        }
        return new DatabaseUrl(value, properties, shown);
    }

    /** The URL to connect with (it may hold a password: never print it). */
    String url() {
        return url;
    }

    /** The connection properties: credentials from the environment, timeouts, the application name. */
    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The URL without credentials and parameters: {@code jdbc:postgresql://HOST:PORT/DATABASE}. */
    public String redacted() {
        return redacted;
    }

    /** {@code message} with the password (and the full URL) replaced, for a log line or an error. */
    public String scrub(String message) {
        String out = message == null ? "" : message.replace(url, redacted);
        String password = properties.getProperty("password");
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "***");
        }
        return out;
    }

    private static String redact(String value) {
        String shown = value;
        int query = shown.indexOf('?');
        if (query >= 0) {
            shown = shown.substring(0, query) + "?…";
        }
        int scheme = shown.indexOf("//");
        int at = shown.indexOf('@');
        if (scheme >= 0 && at > scheme) {
            shown = shown.substring(0, scheme + 2) + "…@" + shown.substring(at + 1);
        }
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7f ? "?" : Character.toString(c)));
        return b.toString();
    }

    private static String parameter(String query, String name) {
        Matcher m = PARAMETER.matcher(query);
        String found = null;
        while (m.find()) {
            if (m.group(1).equals(name)) {
                try {
                    found = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    found = m.group(2); // a stray '%': the driver reads it as it stands, and so do we
                }
            }
        }
        return found;
    }
}
