package dev.maml.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs one block: optionally setpriv (drop root to nobody), then bwrap with
 * its namespaces and mounts, then prlimit with the rlimits, then the interpreter. docs/sandbox.md
 * explains every argument; keep the two in step.
 */
final class BwrapCommand {

    /** The user and group the block runs as, inside and (when the runtime is root) outside. */
    static final String NOBODY = "65534";
    /** Where the block's code is mounted, read-only. */
    static final String BLOCK_PATH = "/sandbox/block";

    /** Top-level directories that hold programs and libraries; /usr itself is always bound. */
    private static final List<String> SYSTEM_DIRS = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    /** Harmless parts of /etc the interpreters need: the linker cache, and the alternatives symlinks (awk…). */
    private static final List<String> ETC_FILES = List.of("/etc/ld.so.cache", "/etc/alternatives");

    private BwrapCommand() {
    }

    /**
     * @param tools     where bwrap, prlimit and (when root) setpriv are
     * @param hostRoot  the host's root directory, inspected for /bin, /lib… being symlinks into /usr
     * @param blockFile the host file holding the block's code
     */
    static List<String> build(SandboxTools tools, Path hostRoot, Limits limits, Language language, Path blockFile)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        tools.setpriv().ifPresent(setpriv -> cmd.addAll(List.of(setpriv.toString(),
                "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--")));
        cmd.add(tools.bwrap().toString());
        cmd.addAll(List.of(
                "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                "--unshare-cgroup-try", "--disable-userns",
                "--uid", NOBODY, "--gid", NOBODY, "--hostname", "maml-sandbox",
                "--cap-drop", "ALL", "--die-with-parent", "--new-session",
                "--ro-bind", "/usr", "/usr"));
        cmd.addAll(systemView(hostRoot));
        for (String etc : ETC_FILES) {
            cmd.addAll(List.of("--ro-bind-try", etc, etc));
        }
        cmd.addAll(List.of(
                "--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/tmp",
                "--ro-bind", blockFile.toString(), BLOCK_PATH,
                // bwrap's own root and /dev are unbounded tmpfs: read-only, so /tmp is the one writable place
                "--remount-ro", "/dev", "--remount-ro", "/",
                "--chdir", "/tmp", "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp",
                "--setenv", "LANG", "C.UTF-8",
                "--", tools.prlimit(),
                "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1),
                "--as=" + limits.memoryBytes(),
                "--nproc=" + limits.processes(),
                "--fsize=" + limits.fileBytes(),
                "--core=0",
                "--"));
        cmd.addAll(language.command());
        cmd.add(BLOCK_PATH);
        return cmd;
    }

    /** /bin, /lib… as the host has them: a symlink into /usr is recreated, a real directory bound read-only. */
    private static List<String> systemView(Path hostRoot) throws IOException {
        List<String> args = new ArrayList<>();
        for (String dir : SYSTEM_DIRS) {
            Path host = hostRoot.resolve(dir);
            if (Files.isSymbolicLink(host)) {
                args.addAll(List.of("--symlink", Files.readSymbolicLink(host).toString(), "/" + dir));
            } else if (Files.isDirectory(host)) {
                args.addAll(List.of("--ro-bind", host.toString(), "/" + dir));
            }
        }
        return args;
    }
}
