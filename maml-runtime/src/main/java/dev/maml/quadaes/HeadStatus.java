package dev.maml.quadaes;

/**
 * What one head of a container looks like through a keyring.
 *
 * @param containerEpoch the epoch of the head key its share was wrapped under
 * @param keyringEpoch   the epoch of that head in the keyring
 */
public record HeadStatus(int head, int containerEpoch, int keyringEpoch, State state) {

    public enum State {
        /** The share unwrapped and agrees with the data key. */
        OK,
        /** The wrapped share failed authentication (corrupt, or the head key is not the one it was wrapped under). */
        FAILED,
        /** The keyring's head key is newer than the one the share was wrapped under (rotated for another container). */
        STALE,
        /** The share was wrapped under a newer head key than the keyring holds (an old copy of the keyring). */
        AHEAD,
        /** The share authenticated but does not rebuild the committed data key: its head key may be in other hands. */
        INCONSISTENT
    }

    public boolean healthy() {
        return state == State.OK;
    }

    public String describe() {
        return "head " + head + " (epoch " + containerEpoch + "): " + switch (state) {
            case OK -> "ok";
            case FAILED -> "wrapped share failed authentication";
            case STALE -> "wrapped under epoch " + containerEpoch + " but the keyring holds epoch " + keyringEpoch;
            case AHEAD -> "wrapped under epoch " + containerEpoch + " but the keyring only holds epoch "
                    + keyringEpoch + " (an old copy of the keyring?)";
            case INCONSISTENT -> "share authenticates but does not match the data key (head key leaked?)";
        };
    }
}
