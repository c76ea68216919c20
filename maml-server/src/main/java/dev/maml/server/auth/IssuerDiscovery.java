package dev.maml.server.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.Map;

/** Finds an issuer's JWKS through its OpenID Provider configuration (OIDC Discovery 1.0, section 4). */
final class IssuerDiscovery {

    private IssuerDiscovery() {
    }

    /** The {@code jwks_uri} of {@code issuer}, after checking that the document speaks for that issuer. */
    static URI jwksUri(IssuerFetcher fetcher, URI issuer) throws IOException {
        String configured = issuer.toString();
        // Discovery section 4: the path is appended to the issuer after removing a terminating "/".
        String base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        URI url = URI.create(base + "/.well-known/openid-configuration");
        Map<String, Object> document = json(fetcher.get(url), url);
        String named = string(document, "issuer", url);
        // Section 4.3: the document's issuer must be identical to the one configured, or tokens
        // of one issuer could be checked against the keys another one publishes.
        if (!configured.equals(named)) {
            throw new IOException("the discovery document at " + url + " names the issuer \"" + printable(named)
                    + "\", not \"" + configured + "\" (they must be identical, trailing slash included)");
        }
        String jwks = string(document, "jwks_uri", url);
        try {
            return new URI(jwks);
        } catch (URISyntaxException e) {
            throw new IOException("the jwks_uri of " + url + " is not a URL: " + e.getMessage());
        }
    }

    /** The value as one short line: it comes from another server and goes into our error message. */
    private static String printable(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    private static Map<String, Object> json(String text, URI url) throws IOException {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new IOException(url + " did not send a JSON object");
        }
    }

    private static String string(Map<String, Object> document, String name, URI url) throws IOException {
        if (document.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IOException("the discovery document at " + url + " has no \"" + name + "\"");
    }
}
