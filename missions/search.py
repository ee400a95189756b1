"""Keyword search of missions: PostgreSQL full-text search, or a plain fallback on SQLite.

PostgreSQL reads the `search_vector` column (migration 0003): French stemming, accents
ignored, the title weighing more than the need, then the deliverables. Each word of the
query matches its stemmed form or, as a prefix, its light stem below — so "logos" finds
"logo", "évènements" finds "événement", "creation" finds "Création".

SQLite has neither: the mission's text is folded (lower case, no accents) by a function
registered on each connection (`register_sqlite_functions`), and must contain the light
stem of every word of the query.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, QuerySet, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat

from geo.text import searchable

CONFIG = "french_unaccent"
FOLD = "alasso_fold"
MAX_WORDS = 8
MIN_STEM = 4
# Words that say nothing about a mission (PostgreSQL drops its own list as well).
_STOPWORDS = """
a au aux avec c ce ces cet cette d dans de des du elle en et eux il ils j je l la le les leur
leurs lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se
ses son sur t ta te tes toi ton tu un une vos votre vous y
"""
STOPWORDS = frozenset(_STOPWORDS.split())
# Endings taken off a word, longest first, as long as four letters remain: plurals, and a
# few derivations that share a beginning (création, créateur → "creat").
SUFFIXES = [
    ("issements", ""),
    ("issement", ""),
    ("ations", "at"),
    ("ation", "at"),
    ("atrices", "at"),
    ("atrice", "at"),
    ("ateurs", "at"),
    ("ateur", "at"),
    ("iques", ""),
    ("ique", ""),
    ("istes", ""),
    ("iste", ""),
    ("ismes", ""),
    ("isme", ""),
    ("euses", ""),
    ("euse", ""),
    ("eurs", ""),
    ("eur", ""),
    ("aux", "al"),
    ("es", ""),
    ("s", ""),
    ("x", ""),
    ("e", ""),
]


def words(query: str) -> list[str]:
    """The words of `query` worth looking for: folded, without the little ones."""
    found = [w for w in searchable(query).split() if len(w) > 1 and w not in STOPWORDS]
    return list(dict.fromkeys(found))[:MAX_WORDS]


def stem(word: str) -> str:
    """A light French stemmer: the beginning that a word shares with its close forms."""
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix):
            candidate = word[: -len(suffix)] + replacement
            if len(candidate) >= MIN_STEM:
                return candidate
    return word


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """On each new SQLite connection, `alasso_fold(text)`: lower case, no accents."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD, 1, searchable, deterministic=True)


def _fold(expression) -> Func:
    return Func(expression, function=FOLD, output_field=TextField())


def search(missions: QuerySet, query: str) -> QuerySet | None:
    """`missions` that match `query`, annotated with `relevance` (higher is better).

    None when the query has no word worth looking for: the caller shows everything.
    """
    terms = words(query)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        expression = " & ".join(f"({word} | {stem(word)}:*)" for word in terms)
        tsquery = SearchQuery(expression, config=CONFIG, search_type="raw")
        vector = RawSQL(
            f'"{missions.model._meta.db_table}"."search_vector"', [], SearchVectorField()
        )
        return (
            missions.alias(search_vector=vector)
            .filter(search_vector=tsquery)
            .annotate(relevance=SearchRank(vector, tsquery))
        )
    text = _fold(Concat("title", Value(" "), "need", Value(" "), "deliverables"))
    title = _fold(F("title"))
    missions = missions.alias(folded_text=text, folded_title=title)
    relevance = Value(0, output_field=IntegerField())
    for word in terms:
        root = stem(word)
        missions = missions.filter(folded_text__contains=root)
        relevance += Case(
            When(folded_title__contains=root, then=3), default=1, output_field=IntegerField()
        )
    return missions.annotate(relevance=relevance)
