package dev.maml.run;

import java.util.OptionalLong;

/** What every result starts with: which document, which run, who asked, and the seed when given. */
record RunHeader(String document, String runId, String identity, OptionalLong seed) implements ResultPart {
}
