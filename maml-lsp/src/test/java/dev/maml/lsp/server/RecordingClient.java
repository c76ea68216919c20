package dev.maml.lsp.server;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** An editor that records what the server sends it. */
class RecordingClient implements LanguageClient {

    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> logs = new LinkedBlockingQueue<>();
    final BlockingQueue<RegistrationParams> registrations = new LinkedBlockingQueue<>();
    final BlockingQueue<ConfigurationParams> configurationRequests = new LinkedBlockingQueue<>();
    /** What this editor answers to workspace/configuration, by scopeUri; a scope not here gets null. */
    final Map<String, JsonElement> configuration = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        configurationRequests.add(params);
        List<Object> answers = new ArrayList<>();
        for (ConfigurationItem item : params.getItems()) {
            answers.add(item.getScopeUri() == null ? null : configuration.get(item.getScopeUri()));
        }
        return CompletableFuture.completedFuture(answers);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    /** The next diagnostics published for {@code uri}, skipping others; fails after 30 s. */
    PublishDiagnosticsParams next(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri)) {
                return p;
            }
        }
        throw new AssertionError("no diagnostics for " + uri);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams params) {
        messages.add(params);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
        logs.add(params);
    }
}
