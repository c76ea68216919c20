package dev.maml.cli;

/**
 * What `maml lint` does with fixes: nothing; --fix (write the files); --fix-dry-run (ESLint: report
 * as if fixed); --diff (Ruff: print what --fix would change). And whether fixes marked unsafe go in
 * too (--unsafe-fixes).
 */
record FixMode(Action action, boolean unsafe) {

    enum Action { NONE, FIX, DRY_RUN, DIFF }

    static final FixMode NONE = new FixMode(Action.NONE, false);

    /** Whether fixes are worked out at all. */
    boolean fixes() {
        return action != Action.NONE;
    }

    /** Whether fixed files are written back. */
    boolean writes() {
        return action == Action.FIX;
    }

    boolean diff() {
        return action == Action.DIFF;
    }
}
