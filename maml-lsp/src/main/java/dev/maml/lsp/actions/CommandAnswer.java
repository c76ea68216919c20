package dev.maml.lsp.actions;

/**
 * The answer of a command of {@link CodeActionsFeature#COMMANDS}, sent back as the result of
 * `workspace/executeCommand` (as JSON, one field per component); {@code message} is also shown to
 * the user, and {@code ok} says whether as information or as a warning.
 */
public sealed interface CommandAnswer permits CommandAnswer.Notice, VerificationResult {

    String message();

    boolean ok();

    /** An answer that is only a message. */
    record Notice(String message, boolean ok) implements CommandAnswer {
    }
}
