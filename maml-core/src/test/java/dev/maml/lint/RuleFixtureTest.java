package dev.maml.lint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.RuleId;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleFixtureTest {

    @Test
    void markersAreRemovedWithOneSpaceAndRecordedByLine() {
        RuleFixture f = RuleFixture.parse(Path.of("fixtures/MAML012/bad-x.maml.md"),
                "---  {MAML091}\nid: nope {MAML012} {MAML019}\n---\n");
        assertEquals("--- \nid: nope\n---\n", f.text());
        assertEquals(List.of(new RuleFixture.Expected(1, RuleId.MAML091), new RuleFixture.Expected(2, RuleId.MAML012),
                new RuleFixture.Expected(2, RuleId.MAML019)), f.expected());
        assertEquals(Set.of(RuleId.MAML012, RuleId.MAML019, RuleId.MAML091), f.rulesUnderTest());
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsTheyAre() {
        byte[] marked = {'c', 'a', 'f', (byte) 0xE9, ' ', '{', 'M', 'A', 'M', 'L', '0', '9', '0', '}', '\n', 0, '\n'};
        RuleFixture f = RuleFixture.parse(Path.of("fixtures/MAML090/bad-x.maml.md"), marked);
        assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n', 0, '\n'}, f.bytes());
        assertEquals(List.of(new RuleFixture.Expected(1, RuleId.MAML090)), f.expected());
    }
}
