package dev.maml.receipt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by their names' UTF-16 code units,
 * no whitespace, strings escaped as ECMAScript's JSON.stringify does, numbers in ECMAScript's
 * shortest round-trip form. The digests of a run's inputs and outputs are taken over these bytes,
 * so any tool that canonicalises the same JSON gets the same digest.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String of(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(node, b);
        return b.toString();
    }

    private static void write(JsonNode node, StringBuilder b) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            b.append("null");
        } else if (node.isBoolean()) {
            b.append(node.asBoolean());
        } else if (node.isNumber()) {
            b.append(number(node));
        } else if (node.isString()) {
            string(node.asString(), b);
        } else if (node.isArray()) {
            b.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(node.get(i), b);
            }
            b.append(']');
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            // String.compareTo compares UTF-16 code units, which is RFC 8785's order.
            members.sort(Map.Entry.comparingByKey());
            b.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                string(members.get(i).getKey(), b);
                b.append(':');
                write(members.get(i).getValue(), b);
            }
            b.append('}');
        } else {
            throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger v = node.bigIntegerValue();
            if (v.abs().bitLength() <= 53) {
                return v.toString();
            }
            return number(v.doubleValue());
        }
        return number(node.doubleValue());
    }

    /** ECMAScript Number::toString for a finite double (RFC 8785 section 3.2.2.3). */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("RFC 8785 has no representation for " + d);
        }
        if (d == 0) {
            return "0";
        }
        if (d < 0) {
            return "-" + number(-d);
        }
        // Shortest decimal that reads back as d; rounding the exact value keeps the closest one.
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                shortest = candidate;
                break;
            }
        }
        String digits = shortest.unscaledValue().toString().replaceAll("0+$", "");
        int k = digits.length();
        // n: position of the decimal point relative to the digits (value = 0.digits × 10^n).
        int n = shortest.precision() - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = (e >= 0 ? "+" : "-") + Math.abs(e);
        return k == 1 ? digits + "e" + exponent : digits.charAt(0) + "." + digits.substring(1) + "e" + exponent;
    }
}
