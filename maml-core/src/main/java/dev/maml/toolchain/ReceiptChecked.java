package dev.maml.toolchain;

import dev.maml.receipt.ReceiptVerification;
import dev.maml.sign.TrustStore;

/** A receipt's check and the trust store it used (its warnings). */
public record ReceiptChecked(ReceiptVerification verification, TrustStore trust) {
}
