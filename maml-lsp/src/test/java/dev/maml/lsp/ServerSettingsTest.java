package dev.maml.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void readsTopLevelOrUnderMaml() {
        String json = "{\"config\":\"c.yaml\",\"severities\":{\"MAML034\":\"off\"},\"key\":\"k.key\","
                + "\"publicKey\":\"k.pub\",\"trust\":[\"t.pub\"],\"docsUrl\":\"https://x/\",\"debounceMillis\":50}";
        ServerSettings expected = new ServerSettings("c.yaml", Map.of("MAML034", "off"), "k.key", "k.pub",
                List.of("t.pub"), "https://x/", 50);
        assertEquals(expected, ServerSettings.from(JsonParser.parseString(json)));
        assertEquals(expected, ServerSettings.from(JsonParser.parseString("{\"maml\":" + json + "}")));
    }

    @Test
    void wrongTypesAreIgnoredAndDebounceIsBounded() {
        ServerSettings s = ServerSettings.from(JsonParser.parseString(
                "{\"config\":3,\"severities\":[1],\"trust\":[\"a\",2],\"debounceMillis\":999999,\"other\":true}"));
        assertEquals(new ServerSettings(null, Map.of(), null, null, List.of("a"), null, 5000), s);
        assertEquals(ServerSettings.DEFAULTS, ServerSettings.from(null));
        assertEquals(ServerSettings.DEFAULTS, ServerSettings.from(JsonParser.parseString("\"text\"")));
    }
}
