package dev.maml.server.http;

import dev.maml.sign.StrictUtf8;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;

/**
 * Reading a request body as a route expects it: the declared content type, at most --max-body
 * bytes, and for text non-empty, valid UTF-8 without NUL bytes.
 *
 * <p>Which status for which problem: a content type the route does not take (or a charset other
 * than UTF-8) is 415, because RFC 9110 section 15.5.16 reserves 415 for a payload "in a format not
 * supported" as declared. A body declared as {@code text/markdown} that is empty, binary (NUL bytes)
 * or not UTF-8 is in a supported format but malformed, which is 400 (RFC 9110 section 15.5.1): the
 * client can fix it without changing what it declares.
 */
final class Bodies {

    private Bodies() {
    }

    /** The media type without parameters, lower case; "" when there is no Content-Type. */
    static String mediaType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** @throws ApiError 415 unless the request declares one of {@code accepted}, in UTF-8 if it names a charset */
    static String requireType(HttpServletRequest request, String... accepted) throws ApiError {
        String type = mediaType(request);
        String charset = request.getCharacterEncoding();
        for (String ok : accepted) {
            if (ok.equals(type)) {
                if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new ApiError(415, "unsupported_charset", "the body must be UTF-8, not " + charset);
                }
                return type;
            }
        }
        throw new ApiError(415, "unsupported_media_type", "this route takes " + String.join(" or ", accepted)
                + (type.isEmpty() ? "; the request has no Content-Type" : ", not " + type));
    }

    /** The body, at most {@code max} bytes. @throws ApiError 413 when larger, 400 when it cannot be read */
    static byte[] read(HttpServletRequest request, long max) throws ApiError {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw ApiError.tooLarge(max);
        }
        int cap = Integer.MAX_VALUE - 8; // the largest array
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0 && declared <= cap) {
                // The usual case: one array of the declared size, not readNBytes's chunks and their copy.
                byte[] bytes = new byte[(int) declared];
                if (in.readNBytes(bytes, 0, bytes.length) < bytes.length) {
                    throw new ApiError(400, "unreadable_body", "the request body ended before its Content-Length");
                }
                return bytes;
            }
            byte[] bytes = in.readNBytes((int) Math.min(cap, max + 1));
            if (bytes.length > max) {
                throw ApiError.tooLarge(max);
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            // Jetty's size limit and timeouts surface here as exceptions carrying a status.
            Throwable cause = e;
            while (cause != null && !(cause instanceof HttpException)) {
                cause = cause.getCause();
            }
            if (cause instanceof HttpException http && http.getCode() == 413) {
                throw ApiError.tooLarge(max);
            }
            throw new ApiError(400, "unreadable_body", "the request body could not be read to its end");
        }
    }

    /**
     * Checks the body is text and gives it decoded: the one decoding of a posted document, which the
     * engine then lints as text instead of decoding the bytes again (it would find the same text).
     *
     * @throws ApiError 400 when empty, binary or not UTF-8
     */
    static String requireText(byte[] body) throws ApiError {
        if (body.length == 0) {
            throw new ApiError(400, "empty_body", "the request body is empty; send the document");
        }
        // The JDK's decoder is intrinsified and puts U+FFFD for every malformed sequence; without a
        // U+FFFD and a NUL in what it gives, the bytes were clean UTF-8 without NUL, and that text is
        // what strict decoding gives. Otherwise the exact checks below decide which answer it is.
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0 && text.indexOf('\0') < 0) {
            return text;
        }
        for (byte b : body) {
            if (b == 0) {
                throw new ApiError(400, "binary_body", "the request body contains NUL bytes; a document is text");
            }
        }
        if (!StrictUtf8.isValid(body)) {
            throw new ApiError(400, "invalid_utf8", "the request body is not valid UTF-8");
        }
        return text; // valid UTF-8 that holds a real U+FFFD: the lenient decoding is the strict one
    }
}
