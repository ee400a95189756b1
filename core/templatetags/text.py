"""Template filters for French typography in rendered text."""

import re
import unicodedata

from django import template
from django.template.defaultfilters import stringfilter

register = template.Library()

# "de" or "à", then a name that starts with "Le" or "Les" ("de Les Amis du Lavoir"): the
# preposition and the article contract, as French wants ("des Amis du Lavoir"). "La" and
# "L’" do not contract and keep their capital in a name: "de La Poste", "à L’Étoile".
_PREPOSITION_BEFORE_ARTICLE = re.compile(r"\b([Dd]e|[Àà]) (Les|Le) (?=[^\W\d_])")
_CONTRACTED = {("de", "Les"): "des ", ("de", "Le"): "du ", ("à", "Les"): "aux ", ("à", "Le"): "au "}
# "de" as a whole word and one space, looking at the next word's first two letters.
_DE_BEFORE_WORD = re.compile(r"\b([Dd])e (?=([^\W\d_])([^\W\d_]?))")


def _base(letter: str) -> str:
    # "É", "î", "Ÿ"… count as their base letter.
    return unicodedata.normalize("NFD", letter)[0].casefold()


def _elides(first: str, second: str) -> bool:
    first = _base(first)
    if first == "y":
        # "d’Yves", but "de Yacine", "de Yohan": a "y" before a vowel sounds like a consonant.
        return not second or _base(second) not in "aeiouy"
    return first in "aeiouœæ"  # "h" keeps "de": "de Hugo", "de Hélène".


def _contract(match: re.Match) -> str:
    words = _CONTRACTED[(match[1].lower(), match[2])]
    return words[0].upper() + words[1:] if match[1][0].isupper() else words


@register.filter(is_safe=True)
@stringfilter
def elide(text: str) -> str:
    """French elision and contraction before a name, which only arrives at render time.

    "Candidature de Inès" → "Candidature d’Inès"; a name starting with "Le" or "Les"
    contracts with "de" or "à": "de Les Amis du Lavoir" → "des Amis du Lavoir", "à Le Relais"
    → "au Relais" ("de La Ruche", "de L’Étoile" stay as they are). Wrap the translated
    sentence: `{% filter elide %}{% blocktranslate %}…{% endblocktranslate %}{% endfilter %}`.
    English text has no standalone "de" or "à" and passes through unchanged.
    """
    text = _PREPOSITION_BEFORE_ARTICLE.sub(_contract, text)
    return _DE_BEFORE_WORD.sub(
        lambda match: f"{match[1]}’" if _elides(match[2], match[3]) else match[0], text
    )
