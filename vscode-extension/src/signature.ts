// The signature state of a document, from the message of the server's `maml.verifySignature`
// command ("valid: signed by trusted key ...", "unsigned: ...": spec section 8's outcome labels).
// No `vscode` import: unit-tested under node.

export type SignatureState = 'valid' | 'valid-untrusted' | 'invalid' | 'unsigned' | 'malformed' | 'unknown';

const LABELS: SignatureState[] = ['valid-untrusted', 'valid', 'invalid', 'unsigned', 'malformed'];

export function stateOf(message: string | undefined): SignatureState {
  if (!message) return 'unknown';
  const label = /^([a-z-]+):/.exec(message.trim());
  return label && (LABELS as string[]).includes(label[1]) ? (label[1] as SignatureState) : 'unknown';
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
