package dev.maml.cli;

import dev.maml.quadaes.ContainerException;
import dev.maml.quadaes.HeadStatus;
import dev.maml.quadaes.HeadsReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What the quad-aes commands say about heads, and how they turn a container that will not open into exit 1. */
final class HeadAdvice {

    private HeadAdvice() {
    }

    static String rotateHint(Path container, HeadStatus head, Path keyring) {
        return "regenerate it: maml heads rotate " + container + " --head " + head.head() + " --keyring " + keyring;
    }

    /** One warning line per unhealthy head. */
    static void warnUnhealthy(PrintWriter err, Path container, HeadsReport report, Path keyring) {
        for (HeadStatus h : report.unhealthy()) {
            err.println("maml: warning: " + container + ": " + h.describe() + "; " + rotateHint(container, h, keyring));
        }
    }

    static int failed(PrintWriter err, ContainerException e) {
        err.println("maml: " + e.getMessage());
        return ExitCodes.FAILED;
    }
}
