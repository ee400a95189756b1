"""Keyword search of missions: PostgreSQL full-text search, or SQLite's FTS5.

PostgreSQL reads the `search_vector` column (migration 0003): French stemming, accents
ignored, the title weighing more than the need, then the deliverables. Each word of the
query matches as a prefix of its light stem below or of its own French stem (`tsquery_term`)
— so "logos" finds "logo", "évènements" finds "événement", "creation" finds "Création",
"communications" finds "communication".

SQLite reads its FTS5 index (migration 0004), which ignores accents and case: each word
of the query matches as a prefix of its light stem, ranked by bm25 with the title weighing
more than the need, then the deliverables. The index is joined through the unmanaged
`MissionSearchEntry` model (its `search_entry` relation).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, FloatField, Func, Lookup, QuerySet, Value
from django.db.models.expressions import RawSQL

from geo.text import searchable

from .models import MissionSearchEntry

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


def tsquery_term(word: str) -> str:
    """A word of the query for PostgreSQL: its light stem or its own French stem, each as a
    prefix. The light stem alone misses words whose French stem is shorter: « communication »
    gives "communicat", but PostgreSQL keeps "commun" of the text's « communication(s) »;
    the word itself, through the same configuration, gives "commun"."""
    light = stem(word)
    if light == word:
        return f"{word}:*"
    return f"({light}:* | {word}:*)"


class Match(Lookup):
    """FTS5's `index MATCH query`."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


MissionSearchEntry._meta.get_field("index").register_lookup(Match)


class BM25(Func):
    """FTS5's bm25() with weights per column (title, need, deliverables): lower is better."""

    function = "bm25"
    output_field = FloatField()


def search(missions: QuerySet, query: str) -> QuerySet | None:
    """`missions` that match `query`, annotated with `relevance` (higher is better).

    None when the query has no word worth looking for: the caller shows everything.
    """
    terms = words(query)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        # Each word as either stem, a prefix (`tsquery_term`): the GIN index serves both.
        expression = " & ".join(tsquery_term(word) for word in terms)
        tsquery = SearchQuery(expression, config=CONFIG, search_type="raw")
        quote = connection.ops.quote_name
        column = f"{quote(missions.model._meta.db_table)}.{quote('search_vector')}"
        vector = RawSQL(column, [], SearchVectorField())
        return (
            missions.alias(search_vector=vector)
            .filter(search_vector=tsquery)
            .annotate(relevance=SearchRank(vector, tsquery))
        )
    # Words are folded to [a-z0-9] (`words`): nothing in them is FTS5 syntax.
    match = " ".join(f'"{stem(word)}"*' for word in terms)
    # The index lists its matches once (SQLite starts from the MATCH), and each is joined
    # to its mission by primary key.
    return missions.filter(search_entry__index__match=match).annotate(
        relevance=-BM25(F("search_entry__index"), Value(4.0), Value(1.0), Value(0.5))
    )
