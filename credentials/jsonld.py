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

from pyld import jsonld
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


class UnsafeDocument(ValueError):
    """A document that says more than its contexts define."""


def _is_absolute(iri: str) -> bool:
    scheme, colon, _rest = iri.partition(":")
    return bool(colon) and scheme.isascii() and scheme[:1].isalpha()


def _relative_references(node) -> list[str]:
    if isinstance(node, list):
        return [found for item in node for found in _relative_references(item)]
    if not isinstance(node, dict):
        return []
    found = []
    types = node.get("@type", []) if "@value" not in node else []
    for value in [*(types if isinstance(types, list) else [types]), node.get("@id")]:
        if isinstance(value, str) and not value.startswith("_:") and not _is_absolute(value):
            found.append(value)
    for key, value in node.items():
        if key not in ("@type", "@id", "@value"):
            found += _relative_references(value)
    return found


def check_safe(document: dict) -> None:
    """Refuse what JSON-LD "safe mode" refuses (jsonld.js, the standard verifiers' library).

    Expansion silently drops a property that no context defines, and reads an undefined
    type as a relative address: the canonical form, hence the signature, does not see them.
    A verifier that let them through would vouch for claims nobody signed. pyld has no safe
    mode, so the same check is made here on its expansion.
    """
    dropped: list = []
    expanded = jsonld.expand(
        document,
        {"documentLoader": document_loader, "base": None},
        on_property_dropped=dropped.append,
    )
    if dropped:
        names = ", ".join(sorted(str(name) for name in dropped))
        raise UnsafeDocument(f"properties no context defines: {names}")
    relative = _relative_references(expanded)
    if relative:
        raise UnsafeDocument(f"types or ids no context defines: {', '.join(relative)}")
