// The signature state of a document, from the typed answer of the server's `maml.verifySignature`
// command (docs/lsp.md: outcome, valid, trusted, algorithm, keyId, reason, message; the outcome is
// one of spec section 8's labels, or "error" when the server could not verify at all).
// No `vscode` import: unit-tested under node.

export type SignatureState = 'valid' | 'valid-untrusted' | 'invalid' | 'unsigned' | 'malformed' | 'unknown';

/** The server's answer to `maml.verifySignature` (its VerificationResult). */
export interface Verification {
  outcome: string;
  valid: boolean;
  trusted: boolean;
  algorithm?: string | null;
  keyId?: string | null;
  reason: string;
  message: string;
}

const STATES: SignatureState[] = ['valid', 'valid-untrusted', 'invalid', 'unsigned', 'malformed'];

/** The answer when it has the fields of a verification; undefined otherwise (an older server, no answer). */
export function verificationOf(answer: unknown): Verification | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const a = answer as Record<string, unknown>;
  const ok = typeof a.outcome === 'string' && typeof a.valid === 'boolean' && typeof a.trusted === 'boolean'
    && typeof a.message === 'string';
  return ok ? (a as unknown as Verification) : undefined;
}

export function stateOf(v: Verification | undefined): SignatureState {
  return v && (STATES as string[]).includes(v.outcome) ? (v.outcome as SignatureState) : 'unknown';
}

/** What the user is told: the server's message, and the key that signed when it is known. */
export function describe(v: Verification | undefined): string {
  if (!v) return 'maml: no answer from the server';
  return v.keyId && !v.message.includes(v.keyId)
    ? `${v.message} (key ${v.keyId}${v.algorithm ? `, ${v.algorithm}` : ''})`
    : v.message;
}

/** Status-bar text (with a codicon) and tooltip for a state. */
export function statusText(state: SignatureState): { text: string; tooltip: string } {
  switch (state) {
    case 'valid':
      return { text: '$(verified) MAML: signed', tooltip: 'Signature valid, by a trusted key' };
    case 'valid-untrusted':
      return { text: '$(warning) MAML: signed (untrusted key)', tooltip: 'Signature valid, but the key is not in maml.signing.trust' };
    case 'invalid':
      return { text: '$(error) MAML: signature invalid', tooltip: 'The signature does not match the document' };
    case 'unsigned':
      return { text: '$(unlock) MAML: unsigned', tooltip: 'The document has no signature' };
    case 'malformed':
      return { text: '$(error) MAML: signature malformed', tooltip: 'The verification block cannot be read' };
    default:
      return { text: '$(shield) MAML: not verified', tooltip: 'Click to verify the signature of this document' };
  }
}
