package dev.maml.lint;

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
}
