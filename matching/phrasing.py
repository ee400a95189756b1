"""The reasons of a match in words, in the active language, on one line.

The same reasons read differently depending on who reads them: a volunteer looking at a
mission ("des élèves de votre école y ont aidé") or an association looking at a volunteer
("même école qu’un·e de vos bénévoles").
"""

from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .scoring import Name, Reason

VOLUNTEER, ASSOCIATION = "volunteer", "association"
SEPARATOR = " · "


def name(value: Name) -> str:
    language = (translation.get_language() or "fr")[:2]
    return (value.en if language == "en" else "") or value.fr


def phrase(reason: Reason, viewpoint: str = VOLUNTEER) -> str:
    """One reason in words, or "" when it does not speak to this reader."""
    kind = reason.kind
    if kind in ("skills", "causes"):
        return ", ".join(name(n) for n in reason.names)
    if kind == "remote":
        return _("à distance")
    if kind == "place":
        if reason.scope == "commune":
            return _("sur place à %(place)s") % {"place": reason.place}
        if reason.scope == "departement":
            return _("sur place à %(place)s, même département") % {"place": reason.place}
        return _("sur place à %(place)s, même région") % {"place": reason.place}
    if kind == "effort":
        return ngettext(
            "%(hours)s h sur %(weeks)s semaine",
            "%(hours)s h sur %(weeks)s semaines",
            reason.weeks,
        ) % {"hours": reason.hours, "weeks": reason.weeks}
    if kind == "school":
        if viewpoint == ASSOCIATION:
            if reason.scope == "alumni":
                return _("même école qu’un·e de vos bénévoles")
            return _("école de votre département")
        if reason.scope == "alumni":
            return _("des élèves de votre école y ont déjà aidé")
        return _("près de votre école")
    # The volunteer's own track record only tells the association something.
    if viewpoint == ASSOCIATION and kind == "experience":
        return ngettext(
            "%(count)s mission déjà menée", "%(count)s missions déjà menées", reason.count
        ) % {"count": reason.count}
    if viewpoint == ASSOCIATION and kind == "rating":
        return _("noté·e %(rating)s sur 5") % {"rating": f"{reason.rating:g}"}
    return ""


def reasons_line(reasons: Iterable[Reason], viewpoint: str = VOLUNTEER, limit: int = 5) -> str:
    """ "Logo et identité visuelle, Figma · à distance · 15 h sur 3 semaines"."""
    words = [text for text in (phrase(r, viewpoint) for r in reasons) if text]
    return SEPARATOR.join(words[:limit])
