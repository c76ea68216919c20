package dev.maml.qkd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An immutable string of bits (a key, a basis choice list, a hash tag). */
public final class Bits {

    private final boolean[] bits;

    private Bits(boolean[] bits) {
        this.bits = bits;
    }

    public static Bits of(boolean... bits) {
        return new Bits(bits.clone());
    }

    /** From "0101"; for tests and documentation examples. */
    public static Bits parse(String zerosAndOnes) {
        boolean[] out = new boolean[zerosAndOnes.length()];
        for (int i = 0; i < out.length; i++) {
            char c = zerosAndOnes.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("not a bit string: " + zerosAndOnes);
            }
            out[i] = c == '1';
        }
        return new Bits(out);
    }

    public int length() {
        return bits.length;
    }

    public boolean get(int i) {
        return bits[i];
    }

    public boolean[] toArray() {
        return bits.clone();
    }

    /** The bits as 0/1 integers: the shape of `qkd_key` in a run's result (spec section 10, step 5). */
    public List<Integer> toIntegers() {
        List<Integer> out = new ArrayList<>(bits.length);
        for (boolean b : bits) {
            out.add(b ? 1 : 0);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bits other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(bits.length);
        for (boolean b : bits) {
            sb.append(b ? '1' : '0');
        }
        return sb.toString();
    }
}
