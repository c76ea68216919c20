package dev.maml.cli.cache;

import dev.maml.io.InputFiles;
import dev.maml.io.RefusedFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A file's size, modification time, status-change time and inode, from one stat: what the
 * metadata strategy compares, as git's index does. The change time and inode are in it because a
 * program can set a file's modification time (touch -d, tar, rsync -t) but not its change time,
 * and a file replaced by a rename gets another inode. Where the file system has no Unix view,
 * both are -1 and only size and time count.
 */
public record FileState(long size, long modified, long changed, long inode) {

    static FileState of(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * The state of a file about to be read, from the same stat that makes sure it is a regular file
     * (a FIFO would block the read, a device never end it): refused as {@link InputFiles#read}
     * refuses, so the read can skip its own stat (one stat less per file and run, issue 15).
     */
    static FileState ofRegular(Path file) throws IOException {
        return read(file, true);
    }

    private static FileState read(Path file, boolean regularOnly) throws IOException {
        FileState state;
        boolean regular;
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,isRegularFile");
            state = new FileState((Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                    nanos((FileTime) unix.get("ctime")), (Long) unix.get("ino"));
            regular = (Boolean) unix.get("isRegularFile");
        } catch (UnsupportedOperationException e) {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            state = new FileState(basic.size(), nanos(basic.lastModifiedTime()), -1, -1);
            regular = basic.isRegularFile();
        }
        if (regularOnly && !regular) {
            InputFiles.requireRegular(file); // throws, saying what the file is
            throw new RefusedFileException(file + ": not a regular file when it was looked at; only regular files are read");
        }
        return state;
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
