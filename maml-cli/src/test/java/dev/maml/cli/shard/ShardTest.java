package dev.maml.cli.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** --shard's syntax, the JOB_COMPLETION_INDEX of auto/N, and the hash that picks a file's shard. */
class ShardTest {

    @Test
    void theShardIsSha256OfTheUtf8KeyModNPlusOneAsPythonComputesIt() {
        // int(hashlib.sha256(key.encode()).hexdigest(), 16) % n + 1 for n = 2, 3, 5, 7
        assertShards("demo/drone_communication.maml.md", 1, 3, 1, 4);
        assertShards("a.maml.md", 2, 3, 2, 6);
        assertShards("é/ü.maml.md", 2, 1, 2, 4);
        assertEquals(1, Shard.of("anything", 1));
        assertFalse(new Shard(3, 7).owns("a.maml.md"));
        assertTrue(new Shard(6, 7).owns("a.maml.md"));
    }

    private static void assertShards(String key, int of2, int of3, int of5, int of7) {
        assertEquals(of2, Shard.of(key, 2), key);
        assertEquals(of3, Shard.of(key, 3), key);
        assertEquals(of5, Shard.of(key, 5), key);
        assertEquals(of7, Shard.of(key, 7), key);
    }

    @Test
    void indexesAreOneBasedAndBadValuesSayWhatIsExpected() {
        assertEquals(new ShardArgument(1, 3), ShardArgument.parse("1/3"));
        assertEquals(new Shard(3, 3), ShardArgument.parse("3/3").resolve(name -> null));
        assertEquals("0/3: I must be between 1 and 3 (shards count from 1, as in Jest and Playwright;"
                + " auto/N counts from JOB_COMPLETION_INDEX=0)", message("0/3"));
        assertTrue(message("4/3").startsWith("4/3: I must be between 1 and 3"), message("4/3"));
        assertEquals("1/0: N must be at least 1", message("1/0"));
        for (String bad : new String[] {"", "1", "1/", "/3", "a/3", "-1/3", "1/3/5", "auto", "1 / 3", "99999999999/3"}) {
            assertTrue(message(bad).startsWith("expected I/N (1 <= I <= N, e.g. 1/3) or auto/N, got '"), bad);
        }
    }

    @Test
    void autoTakesTheZeroBasedJobCompletionIndex() {
        ShardArgument auto = ShardArgument.parse("auto/4");
        assertNull(auto.index());
        assertEquals(new Shard(1, 4), auto.resolve(Map.of("JOB_COMPLETION_INDEX", "0")::get));
        assertEquals(new Shard(4, 4), auto.resolve(Map.of("JOB_COMPLETION_INDEX", "3")::get));
        assertEquals("--shard auto/4 needs JOB_COMPLETION_INDEX (set by a Kubernetes Indexed Job), and it is not set;"
                + " give I/N elsewhere", resolveMessage(auto, null));
        assertEquals("JOB_COMPLETION_INDEX=4 is out of range for --shard auto/4 (0 to 3); is the Job's completions 4?",
                resolveMessage(auto, "4"));
        assertTrue(resolveMessage(auto, "-1").startsWith("JOB_COMPLETION_INDEX=-1 is out of range"));
        assertEquals("JOB_COMPLETION_INDEX must be a number from 0 to 3 for --shard auto/4, got 'x'", resolveMessage(auto, "x"));
    }

    private static String message(String argument) {
        return assertThrows(IllegalArgumentException.class, () -> ShardArgument.parse(argument)).getMessage();
    }

    private static String resolveMessage(ShardArgument argument, String index) {
        return assertThrows(IllegalArgumentException.class, () -> argument.resolve(name -> index)).getMessage();
    }
}
