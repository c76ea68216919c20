package dev.maml.run;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step 4: what a document's `type` runs (spec sections 6 and 10). `security_workflow`: the built-in
 * pipeline (QKD, seal, sign, verify); `quantum_workflow`: QKD only; `workflow`: its code blocks.
 * Code blocks of the first two run only with --exec-code-blocks. Other types describe rather than
 * run; running one is a usage error (exit 2) unless --exec-code-blocks asks for its blocks.
 */
final class Workflows {

    static final String SECURITY = "security_workflow";
    static final String QUANTUM = "quantum_workflow";
    static final String WORKFLOW = "workflow";

    private Workflows() {
    }

    static boolean runsQkd(@Nullable String type) {
        return SECURITY.equals(type) || QUANTUM.equals(type);
    }

    static void run(RunContext ctx, RunLog log, LintGate.Linted linted, Inputs.Resolved inputs) throws RunFailure {
        String type = linted.type();
        ObjectNode parameters = inputs.parameters();
        boolean blocks = ctx.request().execCodeBlocks();
        if (SECURITY.equals(type)) {
            SecurityWorkflow.run(ctx, log, parameters);
        } else if (QUANTUM.equals(type)) {
            log.step(Qkd.STEP, () -> Qkd.run(parameters, ctx.rng()));
        } else if (WORKFLOW.equals(type)) {
            blocks = true;
        } else if (!blocks) {
            log.step("workflow", () -> {
                throw new RunFailure(RunFailure.INVALID, "type " + (type == null ? "(none)" : type)
                        + " has nothing to run: maml run runs security_workflow, quantum_workflow and workflow"
                        + " documents (--exec-code-blocks runs the code blocks of any document)");
            });
        }
        if (blocks) {
            CodeBlocks.run(ctx, log, linted.doc(), parameters);
        }
    }
}
