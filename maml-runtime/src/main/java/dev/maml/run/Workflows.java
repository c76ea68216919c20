package dev.maml.run;

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

    static boolean runsQkd(String type) {
        return SECURITY.equals(type) || QUANTUM.equals(type);
    }

    static void run(RunContext ctx) throws RunFailure {
        boolean blocks = ctx.request.execCodeBlocks();
        if (SECURITY.equals(ctx.type)) {
            SecurityWorkflow.run(ctx);
        } else if (QUANTUM.equals(ctx.type)) {
            Qkd.run(ctx);
        } else if (WORKFLOW.equals(ctx.type)) {
            blocks = true;
        } else if (!blocks) {
            ctx.log.step("workflow", () -> {
                throw new RunFailure(RunFailure.INVALID, "type " + (ctx.type == null ? "(none)" : ctx.type)
                        + " has nothing to run: maml run runs security_workflow, quantum_workflow and workflow"
                        + " documents (--exec-code-blocks runs the code blocks of any document)");
            });
        }
        if (blocks) {
            CodeBlocks.run(ctx);
        }
    }
}
