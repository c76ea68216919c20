package dev.maml.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The host programs the sandbox is made of.
 *
 * @param bwrap   bubblewrap, run on the host
 * @param prlimit util-linux prlimit, run inside the sandbox (so it must live under the read-only
 *                system view) to set the rlimits on the block alone, not on bwrap
 * @param setpriv util-linux setpriv, present when the runtime is root: bwrap then starts as nobody,
 *                because a root-mapped sandbox is root to the kernel (it could write /proc/sys)
 */
record SandboxTools(Path bwrap, String prlimit, Optional<Path> setpriv) {
}
