"""Finding a commune from what a person types: a postal code, a name, or both."""

import re

from .models import Commune
from .text import searchable

_LABEL = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\d[\dAB]\d{2,3})\)\s*$")


# The longest commune name has 45 letters; beyond this, typed text is not a commune (and a
# very long one made SQLite fail: "LIKE or GLOB pattern too complex").
MAX_TEXT = 200

_NAME_AND_CODE = re.compile(r"^(?P<name>.*?[^\d\s,])[\s,]+(?P<code>\d[\dAB]\d{3})$")
_CODE_AND_NAME = re.compile(r"^(?P<code>\d[\dAB]\d{3})[\s,]+(?P<name>\D.*)$")


def _named_with_code(name: str, code: str) -> list[Commune]:
    """Communes called `name` (or whose name starts so) with `code` as a postal or INSEE
    code, the most populated first."""
    name = searchable(name)
    for lookup in ("search_name", "search_name__startswith"):
        found = [
            c
            for c in Commune.objects.filter(**{lookup: name}).order_by("-population")
            if code in c.postal_codes.split(" ") or code == c.insee
        ]
        if found:
            return found
    return []


def communes_matching(text: str, *, limit: int = 10) -> list[Commune]:
    """Communes for a search box, the most populated first."""
    text = (text or "").strip()
    if not text or len(text) > MAX_TEXT:
        return []
    qs = Commune.objects.select_related("departement")
    if text.isdigit():
        qs = qs.filter(postal_codes__contains=text) if len(text) >= 2 else qs.none()
    else:
        qs = qs.filter(search_name__startswith=searchable(text))
    return list(qs.order_by("-population")[:limit])


def resolve_commune(text: str) -> tuple[Commune | None, list[Commune]]:
    """The one commune meant by `text`, or None and the candidates to choose from.

    Understands "Lyon", "69003", "Lyon 69007" or "69007 Lyon", "Lyon 3e Arrondissement",
    names without accents or hyphens ("amberieux en dombes"), and the labels our
    suggestions use, "Saint-Denis (93200)" or "Saint-Denis (97411)".
    """
    text = (text or "").strip()
    if not text or len(text) > MAX_TEXT:
        return None, []
    match = _LABEL.match(text)
    if match:
        name, code = searchable(match["name"]), match["code"]
        found = [
            c
            for c in Commune.objects.filter(search_name=name)
            if code in c.postal_codes.split(" ") or code == c.insee
        ]
        if len(found) == 1:
            return found[0], []
        text = match["name"]
    # A name and a postal code side by side, either way round: "Lyon 69007", "69007 Lyon".
    both = _NAME_AND_CODE.match(text) or _CODE_AND_NAME.match(text)
    if both:
        found = _named_with_code(both["name"], both["code"])
        if len(found) == 1:
            return found[0], []
        if found:
            return None, found[:10]
        text = both["code"]  # a misspelt name: the postal code still narrows it down
    if re.fullmatch(r"\d{5}", text):
        found = list(Commune.objects.filter(postal_codes__contains=text).order_by("-population"))
        found = [c for c in found if text in c.postal_codes.split(" ")]
        if len(found) == 1:
            return found[0], []
        return None, found[:10]
    exact = list(Commune.objects.filter(search_name=searchable(text)).order_by("-population"))
    if len(exact) == 1:
        return exact[0], []
    if exact:
        return None, exact[:10]
    return None, communes_matching(text)
