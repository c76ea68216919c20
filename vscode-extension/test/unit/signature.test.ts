import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { stateOf, statusText } from '../../src/signature';

test('reads the outcome label of the server verify message', () => {
  assert.equal(stateOf('valid: signed by trusted key ab12'), 'valid');
  assert.equal(stateOf('valid-untrusted: signed by key ab12, which is not trusted'), 'valid-untrusted');
  assert.equal(stateOf('invalid: the signature does not match the document'), 'invalid');
  assert.equal(stateOf('unsigned: no verification.signature'), 'unsigned');
  assert.equal(stateOf('malformed: signature is not base64'), 'malformed');
  assert.equal(stateOf('maml: this build cannot verify signatures'), 'unknown');
  assert.equal(stateOf(undefined), 'unknown');
});

test('every state has its own status text', () => {
  const states = ['valid', 'valid-untrusted', 'invalid', 'unsigned', 'malformed', 'unknown'] as const;
  const texts = new Set(states.map((s) => statusText(s).text));
  assert.equal(texts.size, states.length);
  assert.match(statusText('unknown').text, /not verified/);
});
