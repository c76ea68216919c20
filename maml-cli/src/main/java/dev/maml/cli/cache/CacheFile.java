package dev.maml.cli.cache;

import dev.maml.diagnostic.Diagnostic;
import dev.maml.diagnostic.Fix;
import dev.maml.diagnostic.RuleId;
import dev.maml.diagnostic.Severity;
import dev.maml.diagnostic.TextEdit;
import dev.maml.model.Range;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lint cache's file format: a binary file private to the tool (nothing else reads it), chosen
 * over JSON because a run that finds every file in the cache spends most of its time loading it.
 * <pre>
 * "MAMLLC" u16 FORMAT  byte[32] stamp  u32 entries
 * entry:   string path  byte[32] sha256  i64 size  i64 modified  i64 changed  i64 inode  byte[32] settings  u32 findings
 * finding: string rule  u8 severity  u32 start  u32 end  string message  u8 hasFix [string title  u32 edits]
 * edit:    u32 start  u32 end  string newText
 * string:  u32 length, that many bytes of UTF-8
 * </pre>
 * The file is hostile input (anyone who can write next to the config can write it): every count
 * is checked against the bytes left before anything is allocated, every id and range is checked,
 * and any doubt makes {@link #read} refuse the whole file rather than trust part of it.
 */
public final class CacheFile {

    static final int FORMAT = 1;
    private static final byte[] MAGIC = "MAMLLC".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST = 32;
    private static final Severity[] SEVERITIES = Severity.values();
    /** By exact id: a cache holds tens of thousands of findings, {@link RuleId#find} scans the catalogue. */
    private static final Map<String, RuleId> RULES = Arrays.stream(RuleId.values())
            .collect(Collectors.toUnmodifiableMap(RuleId::id, r -> r));

    private CacheFile() {
    }

    /** Why a cache file was refused; its message says what was wrong, for a one-line notice. */
    public static final class CorruptCacheException extends Exception {
        CorruptCacheException(String message) {
            super(message);
        }
    }

    /** The stamp a cache was written under and its entries by path. */
    public record Contents(byte[] stamp, Map<String, CacheEntry> entries) {
    }

    public static Contents read(byte[] bytes) throws CorruptCacheException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte[] magic = take(in, MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CorruptCacheException("not a maml lint cache");
            }
            int format = Short.toUnsignedInt(in.getShort());
            if (format != FORMAT) {
                throw new CorruptCacheException("cache format " + format + ", expected " + FORMAT);
            }
            byte[] stamp = take(in, DIGEST);
            int count = count(in, 1);
            Map<String, CacheEntry> entries = new HashMap<>();
            for (int i = 0; i < count; i++) {
                CacheEntry entry = entry(in);
                if (entries.put(entry.path(), entry) != null) {
                    throw new CorruptCacheException("two entries for " + entry.path());
                }
            }
            if (in.hasRemaining()) {
                throw new CorruptCacheException("bytes after the last entry");
            }
            return new Contents(stamp, entries);
        } catch (BufferUnderflowException e) {
            throw new CorruptCacheException("the file ends early");
        } catch (IllegalArgumentException e) {
            throw new CorruptCacheException(e.getMessage());
        }
    }

    private static CacheEntry entry(ByteBuffer in) throws CorruptCacheException {
        String path = string(in);
        byte[] sha = take(in, DIGEST);
        FileState state = new FileState(in.getLong(), in.getLong(), in.getLong(), in.getLong());
        if (state.size() < 0) {
            throw new CorruptCacheException("a negative size");
        }
        byte[] settings = take(in, DIGEST);
        int count = count(in, 1);
        List<Diagnostic> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            findings.add(finding(in, state.size()));
        }
        return new CacheEntry(path, sha, state, settings, findings);
    }

    private static Diagnostic finding(ByteBuffer in, long size) throws CorruptCacheException {
        String id = string(in);
        RuleId rule = RULES.get(id);
        if (rule == null) {
            throw new CorruptCacheException("unknown rule '" + id + "'");
        }
        int severity = Byte.toUnsignedInt(in.get());
        if (severity >= SEVERITIES.length) {
            throw new CorruptCacheException("unknown severity " + severity);
        }
        Range range = range(in, size);
        String message = string(in);
        Fix fix = null;
        if (in.get() != 0) {
            String title = string(in);
            int edits = count(in, 1);
            List<TextEdit> list = new ArrayList<>(edits);
            for (int i = 0; i < edits; i++) {
                list.add(new TextEdit(range(in, size), string(in)));
            }
            fix = new Fix(title, list);
        }
        return new Diagnostic(rule, SEVERITIES[severity], message, range, fix);
    }

    /** A range within the file: a UTF-16 offset never exceeds the UTF-8 byte count it was decoded from. */
    private static Range range(ByteBuffer in, long size) throws CorruptCacheException {
        int start = in.getInt();
        int end = in.getInt();
        if (start < 0 || end < start || end > size) {
            throw new CorruptCacheException("a range [" + start + ", " + end + ") outside a file of " + size + " bytes");
        }
        return new Range(start, end);
    }

    /** A count of items that take at least {@code minBytes} each: more than the bytes left is a lie. */
    private static int count(ByteBuffer in, int minBytes) throws CorruptCacheException {
        int n = in.getInt();
        if (n < 0 || (long) n * minBytes > in.remaining()) {
            throw new CorruptCacheException("a count of " + Integer.toUnsignedString(n) + " with " + in.remaining() + " bytes left");
        }
        return n;
    }

    private static String string(ByteBuffer in) throws CorruptCacheException {
        byte[] bytes = take(in, count(in, 1));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    public static void write(OutputStream target, byte[] stamp, Collection<CacheEntry> entries) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.write(MAGIC);
        out.writeShort(FORMAT);
        out.write(stamp);
        out.writeInt(entries.size());
        for (CacheEntry e : entries) {
            string(out, e.path());
            out.write(e.sha256());
            out.writeLong(e.state().size());
            out.writeLong(e.state().modified());
            out.writeLong(e.state().changed());
            out.writeLong(e.state().inode());
            out.write(e.settings());
            out.writeInt(e.findings().size());
            for (Diagnostic d : e.findings()) {
                finding(out, d);
            }
        }
        out.flush();
    }

    private static void finding(DataOutputStream out, Diagnostic d) throws IOException {
        string(out, d.rule().id());
        out.writeByte(d.severity().ordinal());
        range(out, d.range());
        string(out, d.message());
        out.writeBoolean(d.fix() != null);
        if (d.fix() != null) {
            string(out, d.fix().title());
            out.writeInt(d.fix().edits().size());
            for (TextEdit edit : d.fix().edits()) {
                range(out, edit.range());
                string(out, edit.newText());
            }
        }
    }

    private static void range(DataOutputStream out, Range range) throws IOException {
        out.writeInt(range.start());
        out.writeInt(range.end());
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
