package dev.maml.run;

import dev.maml.model.MamlDocument;

/** Step 2b: the identity asking must be in `permissions.execute` (spec section 5), else exit 3. */
final class PermissionGate {

    private PermissionGate() {
    }

    static void check(MamlDocument doc, Identity who) throws RunFailure {
        String denied = Permissions.denyExecute(doc, who);
        if (denied != null) {
            throw new RunFailure(RunFailure.REFUSED, "permission denied: " + denied);
        }
    }
}
