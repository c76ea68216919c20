package dev.maml.dist;

import dev.maml.testing.ChildProcesses;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entries of a release archive and their Unix modes (permission bits; directories end in "/"),
 * as a user's unpacking tool sees them: GNU tar's own listing for the tar.gz, the zip's central
 * directory (the "external attributes" that unzip applies) for the zip.
 */
final class ArchiveEntries {

    private ArchiveEntries() {
    }

    static Map<String, Integer> of(Path archive) throws IOException, InterruptedException {
        return archive.toString().endsWith(".zip") ? zip(archive) : tarGz(archive);
    }

    /** `tar -tvzf`: "-rwxr-xr-x 0/0 2811 2026-12-06 09:15 maml-0.1.0/bin/maml" per entry. */
    private static Map<String, Integer> tarGz(Path archive) throws IOException, InterruptedException {
        ChildProcesses.Finished listed = ChildProcesses.run(new ProcessBuilder("tar", "--list", "--verbose",
                "--numeric-owner", "--gzip", "--file", archive.toString()), ChildProcesses.TIMEOUT);
        if (listed.code() != 0) {
            throw new AssertionError("tar could not list " + archive + ": " + listed.output());
        }
        Map<String, Integer> entries = new TreeMap<>();
        for (String line : listed.output().split("\n")) {
            String[] fields = line.split(" +", 6);
            entries.put(fields[5], mode(fields[0]));
        }
        return entries;
    }

    /** "-rwxr-x---" as 0750. */
    private static int mode(String symbolic) {
        int mode = 0;
        for (int i = 1; i <= 9; i++) {
            mode = mode << 1 | (symbolic.charAt(i) == '-' ? 0 : 1);
        }
        return mode;
    }

    /** The central directory's file headers (APPNOTE 4.3.12); the Unix mode is the high half of the external attributes. */
    private static Map<String, Integer> zip(Path archive) throws IOException {
        ByteBuffer zip = ByteBuffer.wrap(Files.readAllBytes(archive)).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.limit() - 22;
        while (zip.getInt(end) != 0x06054b50) {
            end--;
        }
        int count = Short.toUnsignedInt(zip.getShort(end + 10));
        int at = zip.getInt(end + 16);
        Map<String, Integer> entries = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            if (zip.getInt(at) != 0x02014b50) {
                throw new AssertionError(archive + ": no central directory header at " + at);
            }
            int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
            int external = zip.getInt(at + 38);
            String name = new String(zip.array(), at + 46, nameLength, StandardCharsets.UTF_8);
            entries.put(name, external >>> 16 & 0777);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }
}
