package dev.maml.server.auth;

import dev.maml.run.Identity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the {@code --tokens} file: {@code tokens: [{sha256: <64 hex digits>, identity: agent://NAME}]}.
 * Anything else (unreadable, not YAML, a bad digest, a wildcard or malformed identity, a digest
 * listed twice, no tokens at all) is an {@link IOException} whose message names the file and the
 * entry, so that `maml serve` refuses to start rather than run with fewer tokens than meant.
 */
public final class TokenFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final long MAX_BYTES = 1 << 20;

    private TokenFile() {
    }

    public static List<TokenAuthenticator.Entry> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + ": larger than 1 MiB; not a tokens file");
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text");
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied");
        } catch (JacksonException e) {
            throw new IOException(file + ": not YAML: " + e.getOriginalMessage());
        }
        JsonNode tokens = root == null ? null : root.get("tokens");
        if (tokens == null || !tokens.isArray() || tokens.isEmpty()) {
            throw new IOException(file + ": expected 'tokens:' with a list of {sha256, identity} entries");
        }
        List<TokenAuthenticator.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String where = file + ": tokens[" + i + "]: ";
            JsonNode entry = tokens.get(i);
            String hex = entry.path("sha256").asString("").toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IOException(where + "sha256 must be 64 hex digits (the SHA-256 of the token)");
            }
            if (!seen.add(hex)) {
                throw new IOException(where + "this sha256 is listed twice");
            }
            String id = entry.path("identity").asString("");
            Identity identity = Identity.parse(id).filter(who -> !who.isWildcard()).orElseThrow(
                    () -> new IOException(where + "identity must be agent://NAME or gateway://NAME, got '" + id + "'"));
            entries.add(new TokenAuthenticator.Entry(HexFormat.of().parseHex(hex), identity));
        }
        return entries;
    }
}
