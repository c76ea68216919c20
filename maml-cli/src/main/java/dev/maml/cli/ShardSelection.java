package dev.maml.cli;

import dev.maml.cli.shard.Shard;
import dev.maml.cli.shard.ShardArgument;
import dev.maml.cli.shard.ShardKeys;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** `--shard` of `maml lint` and `maml-run`: the targets of one shard (see {@link Shard}), in their order. */
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

    /** The targets of shard {@code argument} (all without one), keyed relative to the PATH {@code arguments}. */
    static List<LintTargets.Target> keep(@Nullable ShardArgument argument, List<LintTargets.Target> targets,
                                         List<String> arguments) {
        Shard shard = resolve(argument);
        return shard == null ? targets : keep(shard, targets, arguments);
    }

    static List<LintTargets.Target> keep(Shard shard, List<LintTargets.Target> targets, List<String> arguments) {
        ShardKeys keys = new ShardKeys(arguments.isEmpty() ? List.of(".") : arguments);
        return targets.stream().filter(t -> shard.owns(keys.key(t.file()))).toList();
    }
}
