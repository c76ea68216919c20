package dev.maml.cli.shard;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code --shard} says: {@code I/N} (1-based), or {@code auto/N}, where the index comes from
 * {@code JOB_COMPLETION_INDEX}, the 0-based index Kubernetes gives each pod of an Indexed Job. The
 * syntax is checked when the command line is parsed; the variable is read only when the command
 * runs ({@link #resolve}), so a command line can be checked on a machine that is no pod.
 */
public record ShardArgument(@Nullable Integer index, int total) {

    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    private static final Pattern FORM = Pattern.compile("(auto|\\d{1,9})/(\\d{1,9})");

    /** The argument, or IllegalArgumentException saying what is wrong with it (picocli names the option). */
    public static ShardArgument parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected I/N (1 <= I <= N, e.g. 1/3) or auto/N, got '" + text + "'");
        }
        int total = Integer.parseInt(m.group(2));
        if (total < 1) {
            throw new IllegalArgumentException(text + ": N must be at least 1");
        }
        if (m.group(1).equals("auto")) {
            return new ShardArgument(null, total);
        }
        int index = Integer.parseInt(m.group(1));
        if (index < 1 || index > total) {
            throw new IllegalArgumentException(text + ": I must be between 1 and " + total
                    + " (shards count from 1, as in Jest and Playwright; auto/N counts from JOB_COMPLETION_INDEX=0)");
        }
        return new ShardArgument(index, total);
    }

    /** The shard meant, reading {@value #INDEX_VARIABLE} from {@code environment} for auto/N. */
    public Shard resolve(UnaryOperator<String> environment) {
        if (index != null) {
            return new Shard(index, total);
        }
        String value = environment.apply(INDEX_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--shard auto/" + total + " needs " + INDEX_VARIABLE
                    + " (set by a Kubernetes Indexed Job), and it is not set; give I/N elsewhere");
        }
        int zeroBased;
        try {
            zeroBased = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(INDEX_VARIABLE + " must be a number from 0 to " + (total - 1)
                    + " for --shard auto/" + total + ", got '" + value + "'");
        }
        if (zeroBased < 0 || zeroBased >= total) {
            throw new IllegalArgumentException(INDEX_VARIABLE + "=" + zeroBased + " is out of range for --shard auto/" + total
                    + " (0 to " + (total - 1) + "); is the Job's completions " + total + "?");
        }
        return new Shard(zeroBased + 1, total);
    }

    /** Picocli's converter: a malformed --shard is a usage error (exit 2) with the reason. */
    public static final class Converter implements ITypeConverter<ShardArgument> {
        @Override
        public ShardArgument convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
