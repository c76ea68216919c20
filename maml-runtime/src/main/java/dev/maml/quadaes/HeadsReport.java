package dev.maml.quadaes;

import java.util.List;

/**
 * The heads of a container as a keyring sees them.
 *
 * @param recoverable at least {@code threshold} heads rebuilt the committed data key
 */
public record HeadsReport(int threshold, long generation, List<HeadStatus> heads, boolean recoverable) {

    public HeadsReport {
        heads = List.copyOf(heads);
    }

    public long healthyCount() {
        return heads.stream().filter(HeadStatus::healthy).count();
    }

    /** Heads to regenerate with {@code maml heads rotate}. */
    public List<HeadStatus> unhealthy() {
        return heads.stream().filter(h -> !h.healthy()).toList();
    }
}
