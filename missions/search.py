"""Keyword search of missions: PostgreSQL full-text search, or SQLite's FTS5.

PostgreSQL reads the `search_vector` column (migration 0003): French stemming, accents
ignored, the title weighing more than the need, then the deliverables. Each word of the
query matches as a prefix of its light stem below (which covers its own French stem) — so
"logos" finds "logo", "évènements" finds "événement", "creation" finds "Création".

SQLite reads its FTS5 index (migration 0004), which ignores accents and case: each word
of the query matches as a prefix of its light stem, ranked by bm25 with the title weighing
more than the need, then the deliverables.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from geo.text import searchable

CONFIG = "french_unaccent"
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


def search(missions: QuerySet, query: str) -> QuerySet | None:
    """`missions` that match `query`, annotated with `relevance` (higher is better).

    None when the query has no word worth looking for: the caller shows everything.
    """
    terms = words(query)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        # The light stem as a prefix also matches the word's own French stem: one term per
        # word keeps the query simple enough for PostgreSQL to use the GIN index.
        expression = " & ".join(f"{stem(word)}:*" for word in terms)
        tsquery = SearchQuery(expression, config=CONFIG, search_type="raw")
        vector = RawSQL(
            f'"{missions.model._meta.db_table}"."search_vector"', [], SearchVectorField()
        )
        return (
            missions.alias(search_vector=vector)
            .filter(search_vector=tsquery)
            .annotate(relevance=SearchRank(vector, tsquery))
        )
    # Words are folded to [a-z0-9] (`words`): nothing in them is FTS5 syntax.
    match = " ".join(f'"{stem(word)}"*' for word in terms)
    table = missions.model._meta.db_table
    fts = f"{table}_fts"
    # "+" keeps SQLite from looking the index up once per mission (rowid = …): the index
    # lists its matches once, and each is joined to its mission by primary key.
    return missions.extra(
        tables=[fts],
        where=[f'+"{fts}".rowid = "{table}"."id"', f'"{fts}" MATCH %s'],
        params=[match],
        select={"relevance": f'-bm25("{fts}", 4.0, 1.0, 0.5)'},
    )
