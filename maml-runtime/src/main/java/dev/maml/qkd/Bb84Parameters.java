package dev.maml.qkd;

import tools.jackson.databind.JsonNode;

/**
 * What a BB84 run is asked to do (spec section 10, step 4).
 *
 * @param rawQubits     qubits Alice sends (`qkd_bits`)
 * @param keyLength     bits of final key wanted (`qkd_key_length`)
 * @param eavesdropper  probability that Eve intercepts and re-sends a qubit (`eavesdropper`)
 * @param channelNoise  probability that the fibre flips a qubit (`channel_noise`)
 * @param qberThreshold the error rate above which the run aborts (BB84's textbook 11 %)
 */
public record Bb84Parameters(int rawQubits, int keyLength, double eavesdropper, double channelNoise,
                             double qberThreshold) {

    public static final int DEFAULT_RAW_QUBITS = 128;
    public static final int DEFAULT_KEY_LENGTH = 16;
    public static final double DEFAULT_QBER_THRESHOLD = 0.11;

    /** One qubit costs one small Strange program (tens of microseconds); this keeps a run under a minute. */
    public static final int MAX_RAW_QUBITS = 1_000_000;

    /** Throws IllegalArgumentException with a one-line message naming the input key when a value is out of range. */
    public Bb84Parameters {
        if (rawQubits < 1 || rawQubits > MAX_RAW_QUBITS) {
            throw new IllegalArgumentException("qkd_bits must be between 1 and " + MAX_RAW_QUBITS + ", got " + rawQubits);
        }
        if (keyLength < 1 || keyLength > rawQubits) {
            throw new IllegalArgumentException("qkd_key_length must be between 1 and qkd_bits (" + rawQubits
                    + "), got " + keyLength);
        }
        requireProbability("eavesdropper", eavesdropper);
        requireProbability("channel_noise", channelNoise);
        if (!(qberThreshold > 0 && qberThreshold < 0.5)) {
            throw new IllegalArgumentException("qber_threshold must be above 0 and below 0.5, got " + qberThreshold);
        }
    }

    public static Bb84Parameters defaults() {
        return new Bb84Parameters(DEFAULT_RAW_QUBITS, DEFAULT_KEY_LENGTH, 0, 0, DEFAULT_QBER_THRESHOLD);
    }

    /**
     * Reads a run's merged parameters (spec section 10, steps 3 and 4): `qkd_bits`, `qkd_key_length`,
     * `eavesdropper`, `channel_noise` and `qber_threshold` (the last is this project's name; the
     * spec fixes only its default). Missing keys take the defaults; other keys are ignored.
     *
     * @throws IllegalArgumentException with a one-line message naming the key, for a value of the
     *                                  wrong type or out of range
     */
    public static Bb84Parameters fromRunParameters(JsonNode parameters) {
        return new Bb84Parameters(
                integer(parameters, "qkd_bits", DEFAULT_RAW_QUBITS),
                integer(parameters, "qkd_key_length", DEFAULT_KEY_LENGTH),
                number(parameters, "eavesdropper", 0),
                number(parameters, "channel_noise", 0),
                number(parameters, "qber_threshold", DEFAULT_QBER_THRESHOLD));
    }

    private static int integer(JsonNode parameters, String key, int fallback) {
        JsonNode value = parameters.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(key + " must be an integer, got " + value);
        }
        return value.intValue();
    }

    private static double number(JsonNode parameters, String key, double fallback) {
        JsonNode value = parameters.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(key + " must be a number, got " + value);
        }
        return value.doubleValue();
    }

    public Bb84Parameters withRawQubits(int n) {
        return new Bb84Parameters(n, keyLength, eavesdropper, channelNoise, qberThreshold);
    }

    public Bb84Parameters withKeyLength(int bits) {
        return new Bb84Parameters(rawQubits, bits, eavesdropper, channelNoise, qberThreshold);
    }

    public Bb84Parameters withEavesdropper(double p) {
        return new Bb84Parameters(rawQubits, keyLength, p, channelNoise, qberThreshold);
    }

    public Bb84Parameters withChannelNoise(double p) {
        return new Bb84Parameters(rawQubits, keyLength, eavesdropper, p, qberThreshold);
    }

    public Bb84Parameters withQberThreshold(double q) {
        return new Bb84Parameters(rawQubits, keyLength, eavesdropper, channelNoise, q);
    }

    private static void requireProbability(String name, double p) {
        // written so that NaN fails too
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability between 0 and 1, got " + p);
        }
    }
}
