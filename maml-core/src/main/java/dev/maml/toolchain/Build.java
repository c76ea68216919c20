package dev.maml.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;

/** What the toolchain reports as its version and home: `maml --version`, SARIF, the LSP and MCP server info. */
public final class Build {

    /**
     * Where the project publishes its documentation, laid out as the repository is (rule pages at
     * {@code docs/rules/ID.md}). <b>Decision:</b> the project declares no home URL of its own, so it
     * is the domain its Maven group and Java packages name ({@code dev.maml}); MAML_DOCS_URL
     * overrides it where a copy of the docs is published elsewhere (docs/lint.md).
     */
    public static final URI HOME = URI.create("https://maml.dev/");

    private static final String VERSION = readVersion();

    private Build() {
    }

    /**
     * The project version the classes were built as: {@code Implementation-Version} of maml.jar's
     * manifest, else the version Maven wrote into {@code build.properties} (tests, an IDE). SARIF
     * consumers compare versions, so it always starts with a number.
     */
    public static String version() {
        String v = Build.class.getPackage().getImplementationVersion();
        return v == null ? VERSION : v;
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = Build.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the classpath; build with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
