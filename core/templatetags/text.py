"""Template filters for French typography in rendered text."""

import re
import unicodedata

from django import template
from django.template.defaultfilters import stringfilter

register = template.Library()

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


@register.filter(is_safe=True)
@stringfilter
def elide(text: str) -> str:
    """French elision of "de" before a vowel: "Candidature de Inès" → "Candidature d’Inès".

    The name only arrives at render time, so the translated sentence cannot know it; wrap
    the sentence: `{% filter elide %}{% blocktranslate %}…{% endblocktranslate %}{% endfilter %}`.
    English text has no standalone "de" and passes through unchanged.
    """
    return _DE_BEFORE_WORD.sub(
        lambda match: f"{match[1]}’" if _elides(match[2], match[3]) else match[0], text
    )
