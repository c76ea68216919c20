package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.io.InputFiles;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import dev.maml.parse.grammar.MamlLexer;
import dev.maml.parse.grammar.MamlParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Reads MAML documents. Never throws on any input: whatever is wrong with a document becomes a
 * diagnostic, and a tree is always returned. Offsets in the tree are UTF-16 indices into the text.
 */
public final class DocumentParser {

    private DocumentParser() {
    }

    /** Reads a file (regular, bounded: {@link InputFiles}); only I/O problems throw. */
    public static MamlDocument read(Path file) throws IOException {
        return parse(InputFiles.read(file));
    }

    /** Parses raw bytes, decoding UTF-8 and reporting invalid sequences and NUL bytes (MAML090). */
    public static MamlDocument parse(byte[] bytes) {
        DecodedText decoded = Utf8Decoder.decode(bytes);
        return parse(decoded.text(), decoded.diagnostics());
    }

    /** Parses text that is already decoded (an editor buffer, stdin). */
    public static MamlDocument parse(String text) {
        return parse(text, List.of());
    }

    private static MamlDocument parse(String text, List<Diagnostic> decoding) {
        List<Diagnostic> diagnostics = new ArrayList<>(decoding);
        boolean bom = text.startsWith("\uFEFF");
        if (bom) {
            diagnostics.add(Diagnostic.of(RuleId.MAML090, Severity.WARNING,
                    "file starts with a byte order mark (U+FEFF); UTF-8 needs none", Range.of(0, 1)));
        }
        TreeBuilder builder = new TreeBuilder(text, bom, diagnostics);
        read(text, 0, bom, builder, tokens -> tokens, diagnostics);
        return builder.build();
    }

    /**
     * Runs the lexer and parser over {@code text} from {@code from} (0, or where a section starts
     * when {@link IncrementalParser} reads a stretch again) into {@code builder}; {@code tokens} may
     * wrap the token source (to stop early). Errors go to {@code diagnostics}.
     */
    static void read(String text, int from, boolean bom, TreeBuilder builder,
                     java.util.function.UnaryOperator<TokenSource> tokens, List<Diagnostic> diagnostics) {
        MamlLexer lexer = new MamlLexer(new LexerInput(text, from));
        if (bom) {
            lexer.mode(MamlLexer.BOM_MODE);
        }
        // tokens are read once and forgotten, and no parse tree is built: the listener builds the model
        MamlParser parser = new MamlParser(new UnbufferedTokenStream<>(tokens.apply(new StructureTokens(lexer))));
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setBuildParseTree(false);
        parser.addParseListener(builder);
        StructureErrors errors = new StructureErrors(diagnostics);
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.document();
    }

    /**
     * The grammar accepts every token sequence and the lexer every character, so ANTLR should never
     * complain; should it ever, the user sees where, rather than a crash.
     */
    private static final class StructureErrors extends BaseErrorListener {
        private final List<Diagnostic> diagnostics;

        StructureErrors(List<Diagnostic> diagnostics) {
            this.diagnostics = diagnostics;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String msg, RecognitionException e) {
            int at = offendingSymbol instanceof Token t && t.getStartIndex() >= 0 ? t.getStartIndex() : 0;
            diagnostics.add(Diagnostic.of(RuleId.MAML090,
                    "structure could not be read here (a parser defect; please report it): " + msg, Range.empty(at)));
        }
    }
}
