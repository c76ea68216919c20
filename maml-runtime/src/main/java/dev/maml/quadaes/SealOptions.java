package dev.maml.quadaes;

/**
 * @param threshold        heads needed to unseal, 2..4 (default 3)
 * @param extraKeyMaterial mixed into the data-key derivation, e.g. a QKD final key; empty for none
 */
public record SealOptions(int threshold, byte[] extraKeyMaterial) {

    public static final int DEFAULT_THRESHOLD = 3;

    public SealOptions {
        if (threshold < 2 || threshold > Keyring.HEADS) {
            throw new IllegalArgumentException("threshold must be 2.." + Keyring.HEADS + ", not " + threshold);
        }
        extraKeyMaterial = extraKeyMaterial.clone();
    }

    public static SealOptions defaults() {
        return new SealOptions(DEFAULT_THRESHOLD, new byte[0]);
    }

    public SealOptions withThreshold(int t) {
        return new SealOptions(t, extraKeyMaterial);
    }

    public SealOptions withExtraKeyMaterial(byte[] material) {
        return new SealOptions(threshold, material);
    }

    @Override
    public byte[] extraKeyMaterial() {
        return extraKeyMaterial.clone();
    }
}
