package dev.maml.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.parse.grammar.MamlLexer;
import dev.maml.parse.grammar.MamlParser;
import dev.maml.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The hand-written structure lexer and parser ({@link LineLexer}, {@link StructureReader}) against
 * what ANTLR generates from the grammar they are written from (grammar/*.g4): the same tokens, the
 * same parser events, and so the same document, when the events ANTLR's parser reports are replayed
 * into a {@link TreeBuilder}. Over the whole corpus, the examples and the test documents, and over
 * generated text made of the lines each rule tells apart.
 */
class LineLexerOracleProperties {

    private static final List<String> LINES = List.of("---", "--- ", "---\t\r", "----", "--- x", "-", "- ", "-x",
            "   - a", "    - a", "* b", "+", "+\tc", "*x", "- 2025-10-24T12:40:00Z: [CREATE] x", "- 2025-10-24: [A]",
            "-\t2025-10-24 12:40:00.5+02:00:[V_b] y", "- 2025-10-24T12:40:00+0200 : [X]", "- 2025-10-24T12:40:61: [",
            "- 2025-1-24: [X]", "-  2025-10-24T12:40Z:\t[Sign]", "key: value", "a.b-c_d:", "_:", "9: x", "k :", "key",
            "## Context", "## History", "## Intent", "##", "##\r", "##x", "## \r", "# Title", "```", "~~~~", "```json",
            "> ```", "- ```", "    ```", "\uFEFF", "\uFEFF---", "é: ü", "\uD83D\uDE00", "\r", "", "\t", "<!-- x -->");

    @Example
    void everyCorpusExampleAndTestDocumentReadsAsTheGrammarReadsIt() throws IOException {
        Set<Path> files = TestData.allDocuments();
        assertTrue(files.size() > 400, "documents found: " + files.size());
        for (Path file : files) {
            String text = new String(read(file), StandardCharsets.UTF_8);
            assertSameReading(text, file.toString());
            assertSameReading(text.replace("\n", "\r\n"), file + " with CRLF");
        }
    }

    @Property(tries = 2000)
    void generatedLinesReadAsTheGrammarReadsThem(@ForAll("document") String text) {
        assertSameReading(text, text);
    }

    @Provide
    Arbitrary<String> document() {
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of(LINES), Arbitraries.strings().withChars("-#:` \t\r*+[]0123456789Tae\uFEFF").ofMaxLength(8));
        Arbitrary<String> breakChar = Arbitraries.of("\n", "\n", "\n", "");
        return Arbitraries.entries(line, breakChar).list().ofMaxSize(40)
                .map(parts -> {
                    StringBuilder text = new StringBuilder();
                    parts.forEach(part -> text.append(part.getKey()).append(part.getValue()));
                    return text.toString();
                });
    }

    private static void assertSameReading(String text, String context) {
        boolean bom = text.startsWith("\uFEFF");
        assertEquals(antlrTokens(text, bom), tokens(new LineLexer(text, 0, bom)), "tokens of " + context);

        List<LineToken> structure = new ArrayList<>();
        StructureTokens source = new StructureTokens(new LineLexer(text, 0, bom));
        for (LineToken t = source.next(); ; t = source.next()) {
            structure.add(t);
            if (t.type() == LineType.EOF) {
                break;
            }
        }
        List<String> handWritten = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        new StructureReader(replay(structure), recorder(handWritten), errors).document();
        assertEquals(List.of(), errors, context);

        List<String> generated = new ArrayList<>();
        TreeBuilder oracle = new TreeBuilder(text, bom, DocumentParser.startDiagnostics(text, List.of()));
        antlrParse(structure, new Tee(recorder(generated), oracle));
        assertEquals(generated, handWritten, "parser events of " + context);
        IncrementalParseProperties.assertSame(oracle.build(), DocumentParser.parse(text), context);
    }

    /** The ANTLR lexer's tokens as "TYPE start end". */
    private static List<String> antlrTokens(String text, boolean bom) {
        MamlLexer lexer = new MamlLexer(new LexerInput(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(Failing.INSTANCE);
        if (bom) {
            lexer.mode(MamlLexer.BOM_MODE);
        }
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            out.add(MamlLexer.VOCABULARY.getSymbolicName(t.getType()) + " " + t.getStartIndex() + " " + (t.getStopIndex() + 1));
            if (t.getType() == Token.EOF) {
                return out;
            }
        }
    }

    private static List<String> tokens(LineTokens source) {
        List<String> out = new ArrayList<>();
        for (LineToken t = source.next(); ; t = source.next()) {
            out.add(t.type() + " " + t.start() + " " + t.end());
            if (t.type() == LineType.EOF) {
                return out;
            }
        }
    }

    private static LineTokens replay(List<LineToken> tokens) {
        int[] next = {0};
        return () -> tokens.get(Math.min(next[0]++, tokens.size() - 1));
    }

    /** The generated parser over the same tokens, its listener events passed on as TreeBuilder takes them. */
    private static void antlrParse(List<LineToken> structure, StructureReader.Listener listener) {
        Map<String, Integer> types = new HashMap<>();
        for (int type = 1; type <= MamlLexer.VOCABULARY.getMaxTokenType(); type++) {
            types.put(MamlLexer.VOCABULARY.getSymbolicName(type), type);
        }
        types.put("EOF", Token.EOF);
        List<Token> tokens = new ArrayList<>();
        for (LineToken line : structure) {
            tokens.add(new Wrapped(line, types.get(line.type().name())));
        }
        MamlParser parser = new MamlParser(new UnbufferedTokenStream<>(new ListTokenSource(tokens)));
        parser.setBuildParseTree(false);
        parser.removeErrorListeners();
        parser.addErrorListener(Failing.INSTANCE);
        parser.addParseListener(new ParseTreeListener() {
            @Override
            public void visitTerminal(TerminalNode node) {
                listener.token(((Wrapped) node.getSymbol()).line);
            }

            @Override
            public void visitErrorNode(ErrorNode node) {
                throw new AssertionError("error node " + node);
            }

            @Override
            public void enterEveryRule(ParserRuleContext ctx) {
            }

            @Override
            public void exitEveryRule(ParserRuleContext ctx) {
                if (ctx.getRuleIndex() == MamlParser.RULE_frontMatter) {
                    listener.frontMatterEnd(((Wrapped) ctx.getStop()).line);
                } else if (ctx.getRuleIndex() == MamlParser.RULE_fence) {
                    listener.fenceEnd(((Wrapped) ctx.getStop()).line);
                }
            }
        });
        parser.document();
    }

    private static StructureReader.Listener recorder(List<String> events) {
        return new StructureReader.Listener() {
            @Override
            public void token(LineToken token) {
                events.add(describe(token));
            }

            @Override
            public void frontMatterEnd(LineToken last) {
                events.add("front matter ends at " + describe(last));
            }

            @Override
            public void fenceEnd(LineToken last) {
                events.add("fence ends at " + describe(last));
            }
        };
    }

    private static String describe(LineToken token) {
        return token + (token instanceof CodeLineToken code ? " skip " + code.skip + " padding " + code.padding : "");
    }

    private record Tee(StructureReader.Listener first, StructureReader.Listener second) implements StructureReader.Listener {
        @Override
        public void token(LineToken token) {
            first.token(token);
            second.token(token);
        }

        @Override
        public void frontMatterEnd(LineToken last) {
            first.frontMatterEnd(last);
            second.frontMatterEnd(last);
        }

        @Override
        public void fenceEnd(LineToken last) {
            first.fenceEnd(last);
            second.fenceEnd(last);
        }
    }

    private static final class Wrapped extends CommonToken {
        private static final long serialVersionUID = 1L;
        private final transient LineToken line;

        Wrapped(LineToken line, int type) {
            super(type);
            this.line = line;
            setStartIndex(line.start());
            setStopIndex(line.end() - 1);
        }
    }

    private static final class Failing extends BaseErrorListener {
        static final Failing INSTANCE = new Failing();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                                RecognitionException e) {
            throw new AssertionError("ANTLR: " + msg + " at " + offendingSymbol);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
