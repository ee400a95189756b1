"""The JSON-LD contexts our credentials use, bundled: nothing is ever fetched at run time.

A credential's signature covers its canonical RDF form, which depends on the contexts. A
context fetched from the network could change under us (or be made to), so the signer only
knows the copies shipped in `contexts/`, taken from the npm packages the test verifier uses
(`credentials/tests/test_contexts.py` checks they are still identical), and refuses any
other address.
"""

import copy
import json
from functools import cache
from pathlib import Path

from pyld.jsonld import JsonLdError

CONTEXTS_DIR = Path(__file__).parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DID_V1 = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"

# Address → file in contexts/.
CONTEXTS = {
    VC_V2: "credentials-v2.json",
    OB_V3: "ob-v3p0-context-3.0.3.json",
    DID_V1: "did-v1.json",
    MULTIKEY_V1: "multikey-v1.json",
}


class UnknownContext(JsonLdError):
    pass


@cache
def bundled(url: str) -> dict:
    try:
        name = CONTEXTS[url]
    except KeyError:
        raise UnknownContext(
            f"{url} is not a bundled JSON-LD context: A-lasso never fetches one",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        ) from None
    return json.loads((CONTEXTS_DIR / name).read_text())


def document_loader(url: str, options: dict | None = None) -> dict:
    """pyld's document loader: the bundled contexts, nothing else."""
    # A copy: the processor must never be able to alter the bundled original.
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(bundled(url))}
