package dev.maml.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.maml.diagnostic.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void writtenFormsFoldOntoTheCanonicalSection() {
        for (String written : List.of("Code_Blocks", "Code Blocks", "code_blocks", "CODE-BLOCKS", " Code  Blocks ")) {
            assertEquals(Optional.of("Code_Blocks"), Vocabulary.canonicalSection(written), written);
        }
        assertEquals(Optional.empty(), Vocabulary.canonicalSection("Codeblock"));
        assertEquals(Optional.empty(), Vocabulary.canonicalSection(null));
    }

    @Test
    void theLegacySectionComesAfterTheRecommendedOrder() {
        assertEquals(List.of("Intent", "Context", "Content", "Code_Blocks", "Input_Schema", "Output_Schema", "History"),
                Vocabulary.recommendedOrder());
        assertEquals("Verification", Vocabulary.sections().get(Vocabulary.sections().size() - 1).name());
    }

    @Test
    void requiredSectionsAndTheirSeverity() {
        assertEquals(List.of("Intent:error", "Context:warning"), Vocabulary.sections().stream()
                .filter(s -> s.requirement().isPresent()).map(s -> s.name() + ":" + s.required().label()).toList());
        assertEquals(Optional.of(Severity.ERROR), Vocabulary.section("intent").flatMap(SectionWord::requirement));
    }

    @Test
    void schemaAndCodeSections() {
        assertEquals(List.of("Input_Schema", "Output_Schema"),
                Vocabulary.sections().stream().filter(SectionWord::schema).map(SectionWord::name).toList());
        assertEquals(List.of("Code_Blocks"), Vocabulary.sections().stream().filter(SectionWord::code).map(SectionWord::name).toList());
    }

    @Test
    void languagesStartWithTheRuntimes() {
        assertEquals(List.of("python", "bash", "sh"), Vocabulary.runtimeLanguages());
        assertEquals(Vocabulary.runtimeLanguages(), Vocabulary.fenceLanguages().subList(0, 3));
    }
}
