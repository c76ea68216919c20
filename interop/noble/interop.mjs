// Cross-checks maml signatures with @noble/post-quantum, an ML-DSA implementation that shares no
// code with Bouncy Castle. The signed bytes are recomputed here from spec section 8 on its own
// (LF-normalised text minus the verification.signature line), not taken from the Java side.
//
//   node interop.mjs verify DOC            exit 0 when DOC's signature verifies, 1 when not
//   node interop.mjs sign DOC SEED_HEX     re-sign DOC in place with the key derived from the seed
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';

const CONTEXT = new TextEncoder().encode('maml-2 document');
const SETS = { 'ml-dsa-44': ml_dsa44, 'ml-dsa-65': ml_dsa65, 'ml-dsa-87': ml_dsa87 };

function parse(text) {
  const lines = text.split('\n');
  if (lines[0].replace(/\r$/, '').trimEnd() !== '---') throw new Error('no front matter');
  const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*\r?$/.test(l));
  let inVerification = false;
  const fields = {};
  let signatureLine = -1;
  for (let i = 1; i < close; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (/^verification:\s*$/.test(line)) { inVerification = true; continue; }
    if (inVerification && !/^\s/.test(line)) inVerification = false;
    const m = inVerification && line.match(/^\s+([a-z_]+):\s*"?([^"]*)"?\s*$/);
    if (m) {
      fields[m[1]] = m[2];
      if (m[1] === 'signature') signatureLine = i;
    }
  }
  if (signatureLine < 0) throw new Error('no verification.signature');
  return { lines, fields, signatureLine };
}

function signedBytes(doc) {
  const kept = doc.lines.filter((_, i) => i !== doc.signatureLine).join('\n');
  return new TextEncoder().encode(kept.replace(/\r\n/g, '\n'));
}

function publicKey(doc, file, set) {
  const ref = doc.fields.public_key;
  const der = ref.startsWith('base64:')
    ? Buffer.from(ref.slice(7), 'base64')
    : Buffer.from(readFileSync(resolve(dirname(file), ref), 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
  // SubjectPublicKeyInfo ends with the raw FIPS 204 public key.
  return new Uint8Array(der.subarray(der.length - set.lengths.publicKey));
}

const [command, file, seedHex] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const doc = parse(text);
const set = SETS[doc.fields.method];
if (!set) throw new Error('unsupported method ' + doc.fields.method);
const pub = publicKey(doc, file, set);

if (command === 'verify') {
  const sig = Buffer.from(doc.fields.signature, 'base64');
  const ok = set.verify(new Uint8Array(sig), signedBytes(doc), pub, { context: CONTEXT });
  console.log(ok ? 'noble: valid' : 'noble: invalid');
  process.exit(ok ? 0 : 1);
} else if (command === 'sign') {
  const keys = set.keygen(Uint8Array.from(Buffer.from(seedHex, 'hex')));
  if (Buffer.compare(Buffer.from(keys.publicKey), Buffer.from(pub)) !== 0) throw new Error('seed does not give the document key');
  const sig = set.sign(signedBytes(doc), keys.secretKey, { context: CONTEXT });
  const line = doc.lines[doc.signatureLine];
  doc.lines[doc.signatureLine] = line.replace(/signature:.*?(\r?)$/, `signature: "${Buffer.from(sig).toString('base64')}"$1`);
  writeFileSync(file, doc.lines.join('\n'));
  console.log('noble: signed');
} else {
  console.error('usage: node interop.mjs verify DOC | sign DOC SEED_HEX');
  process.exit(2);
}
