package dev.maml.server.mcp.workflows;

import java.nio.file.Path;

/**
 * A document of the workflows directory that is not offered as a tool, and why: what `maml mcp`
 * logs and docs/mcp.md explains. {@code message} is one line naming the file and the cause.
 */
public record Unlisted(Path file, Reason reason, String message) {

    /** Why a document is not a tool, in the order the checks run (the first that fails is given). */
    public enum Reason {
        /** The file could not be read (or is over the size limit), or the trust stores could not be. */
        UNREADABLE,
        /** Linting found errors (or the lint config is broken); `maml lint` lists them. */
        LINT_ERRORS,
        /** No signature: a tool runs only what a trusted key vouches for. */
        NOT_SIGNED,
        /** The signature is valid but its key is in none of the server's trust stores. */
        UNTRUSTED,
        /** The signature is invalid or malformed, or weaker than the server's minimum algorithm. */
        INVALID_SIGNATURE,
        /** The tool name would be longer than the 128 characters MCP allows. */
        NAME_TOO_LONG,
        /** Input_Schema or Output_Schema does not describe a JSON object, which MCP requires of both. */
        SCHEMA_NOT_OBJECT,
        /** {@code permissions.execute} does not admit the identity the list is made for. */
        NOT_PERMITTED,
        /** Another listed document maps to the same tool name; neither is offered, so a name never means two documents. */
        NAME_CLASH
    }
}
