package dev.maml.cli.cache;

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
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
            return new FileState((Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                    nanos((FileTime) unix.get("ctime")), (Long) unix.get("ino"));
        } catch (UnsupportedOperationException e) {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileState(basic.size(), nanos(basic.lastModifiedTime()), -1, -1);
        }
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
