package dev.maml.bench;

import dev.maml.diagnostic.RuleId;
import dev.maml.lint.LintEngine;
import dev.maml.lint.LintResult;
import dev.maml.lint.LintSettings;
import dev.maml.lint.RuleSetting;
import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import dev.maml.schema.FrontMatterSchema;
import dev.maml.schema.SchemaViolation;
import dev.maml.schema.YamlJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the front-matter checks cost per document: JSON Schema validation alone (YAML tree to
 * Jackson, networknt), and the whole standard lint of a parsed document with and without the
 * schema rule MAML018. Build: mvn -B -Pbench -pl bench/jmh -am package -DskipTests; run:
 * java -jar bench/jmh/target/benchmarks.jar FrontMatterLintBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrontMatterLintBenchmark {

    private static final String DOCUMENT = """
            ---
            maml_version: "2.0.0"
            id: "urn:uuid:5c4d3e2f-1g0h-9i8j-7k6l-5m4n3o2p1q0"
            type: "security_workflow"
            origin: "agent://drone-security"
            requires:
              resources: ["jetson_orin", "qiskit==0.45.0", "liboqs-python", "torch==2.0.1"]
            permissions:
              read: ["agent://drone-sensors"]
              write: ["agent://drone-security"]
              execute: ["gateway://chimera-head-4"]
            verification:
              method: "crystals-dilithium"
              public_key: "dilithium_public_key.hex"
            quantum_security_flag: true
            created_at: 2025-10-24T12:40:00Z
            ---
            ## Intent
            Secure drone communication with QKD and Dilithium signatures in THz networks.

            ## Context
            dataset: drone_communication_data.csv
            """;

    private MamlDocument document;
    private LintEngine engine;
    private LintSettings withoutSchemaRule;

    @Setup
    public void setUp() {
        document = DocumentParser.parse(DOCUMENT.getBytes(StandardCharsets.UTF_8));
        engine = LintEngine.standard();
        withoutSchemaRule = new LintSettings(Map.of(RuleId.MAML018, new RuleSetting(false, null, Map.of())), null);
    }

    @Benchmark
    public List<SchemaViolation> schemaValidation() {
        return FrontMatterSchema.validator().validate(YamlJson.toJson(document.frontMatter().root()));
    }

    @Benchmark
    public LintResult lintStandard() {
        return engine.lint(document, LintSettings.DEFAULTS);
    }

    @Benchmark
    public LintResult lintWithoutSchemaRule() {
        return engine.lint(document, withoutSchemaRule);
    }
}
