import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, stateOf, statusText, verificationOf } from '../../src/signature';

// Shaped as the server's VerificationResult (maml-lsp dev.maml.lsp.actions.VerificationResult).
const answer = (outcome: string, trusted = false, keyId: string | null = null) => ({
  outcome, valid: outcome.startsWith('valid'), trusted, algorithm: keyId ? 'ml-dsa-65' : null, keyId,
  reason: 'why', message: `${outcome}: why`,
});

test('the state is the outcome field of the server answer, not a parse of its message', () => {
  assert.equal(stateOf(verificationOf(answer('valid', true, 'ab12'))), 'valid');
  assert.equal(stateOf(verificationOf(answer('valid-untrusted', false, 'ab12'))), 'valid-untrusted');
  assert.equal(stateOf(verificationOf(answer('invalid'))), 'invalid');
  assert.equal(stateOf(verificationOf(answer('unsigned'))), 'unsigned');
  assert.equal(stateOf(verificationOf(answer('malformed'))), 'malformed');
  assert.equal(stateOf(verificationOf(answer('error'))), 'unknown');
  // A message that reads like an outcome does not count: only the field does.
  assert.equal(stateOf(verificationOf({ ...answer('invalid'), message: 'valid: looks fine' })), 'invalid');
});

test('answers without the fields are no verification', () => {
  assert.equal(verificationOf('valid: signed by trusted key ab12'), undefined);
  assert.equal(verificationOf(undefined), undefined);
  assert.equal(verificationOf(null), undefined);
  assert.equal(verificationOf({ message: 'maml: the document is not open', ok: false }), undefined);
  assert.equal(verificationOf({ ...answer('valid'), trusted: 'yes' }), undefined);
  assert.equal(stateOf(undefined), 'unknown');
});

test('the user is told the message and the key that signed', () => {
  assert.equal(describe(verificationOf(answer('valid', true, 'ab12'))), 'valid: why (key ab12, ml-dsa-65)');
  assert.equal(describe(verificationOf(answer('unsigned'))), 'unsigned: why');
  assert.equal(describe(undefined), 'maml: no answer from the server');
});

test('every state has its own status text', () => {
  const states = ['valid', 'valid-untrusted', 'invalid', 'unsigned', 'malformed', 'unknown'] as const;
  const texts = new Set(states.map((s) => statusText(s).text));
  assert.equal(texts.size, states.length);
  assert.match(statusText('unknown').text, /not verified/);
});
