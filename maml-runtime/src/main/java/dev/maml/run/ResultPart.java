package dev.maml.run;

/**
 * What a step found, as a typed, immutable value: the fields it contributes to the result. The
 * steps only return these; {@link ResultJson} alone turns them into the result's JSON, in the order
 * the run produced them.
 */
public sealed interface ResultPart permits RunHeader, LintGate.Linted, LintGate.LintErrors,
        SignatureGate.DocumentSignature, Inputs.Resolved, SectionSchema.Violations, Qkd.Run, Seal.Sealed,
        ResultSigner.Signed, ResultSigner.Verified, CodeBlocks.Started, CodeBlocks.Report, ReceiptStep.Written,
        HistoryRecord.Recorded {
}
