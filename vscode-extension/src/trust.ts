// Workspace Trust (VS Code's Restricted Mode): an untrusted folder gets diagnostics, and nothing
// that would let its files vouch for themselves or act with the user's key. No `vscode` import:
// unit-tested under node.

/** Why a command that signs with the user's key or runs the document does not run here, or undefined when the workspace is trusted. */
export function refusal(title: string, trusted: boolean): string | undefined {
  return trusted ? undefined
    : `MAML: ${title} is off in Restricted Mode: this workspace is not trusted (Manage Workspace Trust to trust it).`;
}

/**
 * What the server is told in an untrusted workspace: project trust stores (.maml/trusted_keys/,
 * even allowed ones) do not count for MAML072 and Verify Signature, and the signing key is not
 * passed at all, so no action the server offers can sign with it.
 */
export function withWorkspaceTrust(settings: Record<string, unknown>, trusted: boolean): Record<string, unknown> {
  if (trusted) return settings;
  const restricted: Record<string, unknown> = { ...settings, projectTrustStores: false };
  delete restricted.key;
  delete restricted.publicKey;
  return restricted;
}
