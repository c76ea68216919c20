package dev.maml.lsp.transport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Admits a {@code --socket} client only when its first message is {@code initialize} carrying the
 * session secret as {@code initializationOptions.token} (or {@code initializationOptions.maml.token},
 * where the other settings may live). Nothing reaches the server before that: not the settings,
 * which name a key to sign with and a configuration file to read, nor any document.
 */
public final class ClientGate {

    /** An initialize message is a few kilobytes; an unauthenticated peer gets no more room than this. */
    static final int MAX_FIRST_MESSAGE = 1024 * 1024;

    private ClientGate() {
    }

    /** Returns when the client may go on (its first message stays in {@code in}); else throws. */
    public static void admit(FramedInput in, SessionSecret secret) throws IOException {
        byte[] body = in.peekBody(MAX_FIRST_MESSAGE);
        JsonObject message = object(parse(body));
        if (message == null || !"initialize".equals(string(message.get("method")))) {
            throw new TransportRefusedException("its first message is not initialize");
        }
        JsonObject params = object(message.get("params"));
        JsonObject options = params == null ? null : object(params.get("initializationOptions"));
        String token = options == null ? null : string(options.get("token"));
        if (token == null && options != null && object(options.get("maml")) != null) {
            token = string(object(options.get("maml")).get("token"));
        }
        if (token == null) {
            throw new TransportRefusedException("no session secret (initializationOptions.token)");
        }
        if (!secret.matches(token)) {
            throw new TransportRefusedException("wrong session secret");
        }
    }

    private static JsonElement parse(byte[] body) throws TransportRefusedException {
        try {
            return JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException | StackOverflowError e) {
            throw new TransportRefusedException("its first message is not JSON");
        }
    }

    private static JsonObject object(JsonElement e) {
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }
}
