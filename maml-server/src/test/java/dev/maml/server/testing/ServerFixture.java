package dev.maml.server.testing;

import dev.maml.server.http.ServeSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class with a server per test: a fresh --root and --receipts, the server stopped after each test. */
public abstract class ServerFixture {

    @TempDir
    protected Path root;
    @TempDir
    protected Path receipts;

    protected RunningServer server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Settings with this test's --root and --receipts, loopback and a free port. */
    protected ServeSettings.Builder settings() {
        return RunningServer.settings(root, receipts);
    }

    /** Starts (or, when one runs, replaces) the test's server. */
    protected RunningServer start(ServeSettings.Builder settings) throws IOException {
        stopServer();
        server = RunningServer.start(settings.build());
        return server;
    }

    /** Copies the demo into --root and returns settings that trust its key (--trust). */
    protected ServeSettings.Builder demoTrusted() throws IOException {
        Demo.copyInto(root);
        return settings().trust(List.of(root.resolve(Demo.PUBLIC_KEY)));
    }
}
