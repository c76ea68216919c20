package dev.maml.toolchain;

/** A signed document's new text (not yet written) and the signing key's key_id. */
public record Signed(String text, String keyId) {
}
