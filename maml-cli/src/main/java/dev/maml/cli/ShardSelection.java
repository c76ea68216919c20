package dev.maml.cli;

import dev.maml.cli.shard.Shard;
import dev.maml.cli.shard.ShardArgument;
import dev.maml.cli.shard.ShardKeys;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** `--shard` of `maml lint` and `maml-run`: the files of one shard (see {@link Shard}), in their order. */
final class ShardSelection {

    private ShardSelection() {
    }

    /** The shard {@code argument} means here; a usage error (exit 2) for auto/N outside an Indexed Job. */
    static @Nullable Shard resolve(@Nullable ShardArgument argument) {
        if (argument == null) {
            return null;
        }
        try {
            return argument.resolve(System::getenv);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The items of shard {@code argument} (all without one), each keyed by {@code target}'s file
     * relative to the PATH {@code arguments}.
     */
    static <T> List<T> keep(@Nullable ShardArgument argument, List<T> items, Function<T, LintTargets.Target> target,
                            List<String> arguments) {
        Shard shard = resolve(argument);
        return shard == null ? items : keep(shard, items, target, arguments);
    }

    static <T> List<T> keep(Shard shard, List<T> items, Function<T, LintTargets.Target> target, List<String> arguments) {
        ShardKeys keys = new ShardKeys(arguments.isEmpty() ? List.of(".") : arguments);
        return items.stream().filter(i -> shard.owns(keys.key(target.apply(i).file()))).toList();
    }
}
