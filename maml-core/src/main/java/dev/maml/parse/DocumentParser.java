package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.io.InputFiles;
import dev.maml.model.MamlDocument;
import dev.maml.model.Range;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

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
        List<Diagnostic> diagnostics = startDiagnostics(text, decoding);
        boolean bom = text.startsWith("\uFEFF");
        TreeBuilder builder = new TreeBuilder(text, bom, diagnostics);
        read(text, 0, bom, builder, tokens -> tokens, diagnostics);
        return builder.build();
    }

    /** What is known before the structure is read: the decoding findings and a BOM. */
    static List<Diagnostic> startDiagnostics(String text, List<Diagnostic> decoding) {
        List<Diagnostic> diagnostics = new ArrayList<>(decoding);
        if (text.startsWith("\uFEFF")) {
            diagnostics.add(Diagnostic.of(RuleId.MAML090, Severity.WARNING,
                    "file starts with a byte order mark (U+FEFF); UTF-8 needs none", Range.of(0, 1)));
        }
        return diagnostics;
    }

    /**
     * Runs the lexer and parser over {@code text} from {@code from} (0, or where a section starts
     * when {@link IncrementalParser} reads a stretch again) into {@code builder}; {@code tokens} may
     * wrap the token source (to stop early). Errors go to {@code diagnostics}.
     */
    static void read(String text, int from, boolean bom, TreeBuilder builder,
                     UnaryOperator<LineTokens> tokens, List<Diagnostic> diagnostics) {
        // tokens are read once and forgotten, and no parse tree is built: the listener builds the model
        LineTokens lines = tokens.apply(new StructureTokens(new LineLexer(text, from, bom)));
        new StructureReader(lines, builder, diagnostics).document();
    }
}
