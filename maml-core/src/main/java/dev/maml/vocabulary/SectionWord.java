package dev.maml.vocabulary;

import dev.maml.diagnostic.Severity;
import java.util.Optional;

/**
 * A section of spec section 4, as the vocabulary describes it.
 *
 * @param name     the canonical name ({@code Code_Blocks})
 * @param ordered  whether it has a place in the recommended order (Verification, legacy, has none)
 * @param required how a document without it is reported (MAML030), or null when it is optional
 * @param purpose  why a required section is required, for MAML030's message
 * @param meaning  what it is for, for hover and completion
 * @param schema   whether it holds a JSON Schema (Input_Schema, Output_Schema)
 * @param code     whether its fenced blocks are code the runtime may run (Code_Blocks)
 */
public record SectionWord(String name, boolean ordered, Severity required, String purpose, String meaning,
                          boolean schema, boolean code) {

    public Optional<Severity> requirement() {
        return Optional.ofNullable(required);
    }
}
