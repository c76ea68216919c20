package dev.maml.toolchain;

/** What the toolchain reports as its version: `maml --version`, SARIF, the LSP and MCP server info. */
public final class Build {

    private Build() {
    }

    /**
     * The project version the jar was built as ({@code Implementation-Version} of maml.jar's
     * manifest); "development build" when running from compiled classes (tests, an IDE).
     */
    public static String version() {
        String v = Build.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
