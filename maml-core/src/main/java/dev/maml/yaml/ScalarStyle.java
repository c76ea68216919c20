package dev.maml.yaml;

/** How a scalar was written; rules look at it, e.g. to tell "2.0.0" from 2.0.0. */
public enum ScalarStyle {
    PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED;

    public boolean quoted() {
        return this == SINGLE_QUOTED || this == DOUBLE_QUOTED;
    }
}
