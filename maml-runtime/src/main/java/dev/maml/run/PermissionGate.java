package dev.maml.run;

/** Step 2b: the identity asking must be in `permissions.execute` (spec section 5), else exit 3. */
final class PermissionGate {

    private PermissionGate() {
    }

    static void check(RunContext ctx) throws RunFailure {
        String denied = Permissions.denyExecute(ctx.doc, ctx.request.identity());
        if (denied != null) {
            throw new RunFailure(RunFailure.REFUSED, "permission denied: " + denied);
        }
    }
}
