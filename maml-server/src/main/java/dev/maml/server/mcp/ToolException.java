package dev.maml.server.mcp;

/** A tool call that cannot be done, with the one-line reason the caller sees in an {@code isError} result. */
final class ToolException extends Exception {

    ToolException(String message) {
        super(message);
    }
}
