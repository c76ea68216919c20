package dev.maml.quadaes;

/** A payload recovered, and the heads that contributed (unhealthy ones should be rotated). */
public record UnsealResult(long plaintextBytes, HeadsReport heads) {
}
