package dev.maml.toolchain;

import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;

/** A signature check and the trust store it used (its warnings, and the project stores it ignored). */
public record Verified(Verification verification, TrustStore trust) {
}
