package dev.maml.parse;

import dev.maml.diagnostic.Diagnostic;
import java.util.List;

/** A file's bytes as text, with what decoding found (invalid UTF-8, NUL bytes, a BOM). */
record DecodedText(String text, List<Diagnostic> diagnostics) {
}
