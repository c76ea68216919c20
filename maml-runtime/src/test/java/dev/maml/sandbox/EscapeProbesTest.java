package dev.maml.sandbox;

import static dev.maml.sandbox.SandboxTest.QUICK;
import static dev.maml.sandbox.SandboxTest.assertHealthy;
import static dev.maml.sandbox.SandboxTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.run.RunFailure;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Escape attempts of the audit that ContainmentTest does not already make: seeing or signalling host
 * processes, gaining privileges (mount, chroot, a new user namespace, setuid programs, kernel
 * keyrings, module loading), and learning about the host (hostname, its init). Each must fail.
 */
class EscapeProbesTest {

    @BeforeAll
    static void needsBubblewrap() throws RunFailure {
        SandboxTest.needsBubblewrap();
    }

    @Test
    void hostProcessesAreInvisibleAndCannotBeSignalled() throws IOException, InterruptedException {
        long host = ProcessHandle.current().pid();
        BlockResult result = run(Language.PYTHON, """
                import json, os, sys
                host = json.load(sys.stdin)["pid"]
                pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
                def signal(pid):
                    try:
                        os.kill(pid, 0)
                        return "alive"
                    except OSError as e:
                        return type(e).__name__
                init = open("/proc/1/cmdline", "rb").read().split(b"\\0")[0].decode()
                print(json.dumps({"pids": len(pids), "host": signal(host), "init": init}))
                """, "{\"pid\": " + host + "}", QUICK);
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        JsonNode out = result.output();
        assertTrue(out.get("pids").asInt() <= 4, "only the sandbox's own processes: " + out);
        if (host > 4) {
            assertEquals("ProcessLookupError", out.get("host").asString(), "this JVM's pid does not exist inside");
        }
        assertEquals("bwrap", out.get("init").asString().replaceAll(".*/", ""), "pid 1 is the sandbox's init: " + out);
        assertHealthy();
    }

    @Test
    void privilegedOperationsAreDenied() throws IOException, InterruptedException {
        BlockResult result = run(Language.SH, """
                t() { label=$1; shift; if "$@" >/dev/null 2>&1; then r=done; else r=denied; fi; printf '"%s": "%s", ' "$label" "$r"; }
                printf '{'
                t mount mount -t tmpfs none /tmp
                t chroot chroot / /bin/true
                t userns unshare -U /bin/true
                t netns unshare -n /bin/true
                t su su -c /bin/true nobody
                t nsenter nsenter -t 1 -m /bin/true
                t hostname hostname evil
                t insmod insmod /nonexistent.ko
                t setpriv setpriv --reuid=0 /bin/true
                printf '"uid": "%s", "host": "%s"}\\n' "$(id -u)" "$(cat /proc/sys/kernel/hostname)"
                """, null, QUICK);
        assertEquals(BlockStatus.OK, result.status(), result::toString);
        JsonNode out = result.output();
        for (String op : new String[] {"mount", "chroot", "userns", "netns", "su", "nsenter", "hostname", "insmod", "setpriv"}) {
            assertEquals("denied", out.get(op).asString(), op + ": " + out);
        }
        assertTrue(!out.get("uid").asString().equals("0"), out::toString);
        assertHealthy();
    }
}
