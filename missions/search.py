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

Ranking reads a match's whole text (its vector, or FTS5's positions): a broad search
(« site internet », thousands of matches) would rank them all to show twenty. So only the
`CANDIDATES` newest matches are ranked (a first pass that reads no text, ordered by the
publication date), and the other matches follow them, newest first: every match is still
listed once, in an order that does not change from one page to the next (`RankedFirst`).
The search page counts matches up to 1 000 only (core/paginator.py).

On PostgreSQL, that first pass and the count read the narrow search table
(`MissionSearchRow`, migration 0010: the open missions' vectors and dates, kept by
triggers), walked newest first in its date index, instead of the missions' wide rows: at
100 000 volunteers, « site internet » reads 916 buffers instead of 4 635.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, FloatField, Func, Lookup, QuerySet, Value
from django.db.models.expressions import Col, Expression

from geo.text import searchable

from .models import MissionSearchEntry, MissionSearchRow

CONFIG = "french_unaccent"
MAX_WORDS = 8
# How many matches, the newest, are ranked by relevance; the others follow by date.
CANDIDATES = 300
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


class VectorColumn(Expression):
    """A `tsvector` column of the query's own table: the missions' `search_vector`
    (migration 0003, no model field: only the search reads it) or the search table's
    `vector`. Resolved against the query's table, so that a subquery reads its own rows."""

    def __init__(self, column: str = "search_vector"):
        super().__init__(output_field=SearchVectorField())
        self.column = column

    def resolve_expression(self, query=None, *args, **kwargs):
        field = SearchVectorField()
        field.set_attributes_from_name(self.column)
        field.model = query.model
        return Col(query.get_initial_alias(), field)


def _postgresql_query(terms: list[str]) -> SearchQuery:
    # Each word as either stem, a prefix (`tsquery_term`): the GIN index serves both.
    expression = " & ".join(tsquery_term(word) for word in terms)
    return SearchQuery(expression, config=CONFIG, search_type="raw")


def _fts5_query(terms: list[str]) -> str:
    # Words are folded to [a-z0-9] (`words`): nothing in them is FTS5 syntax.
    return " ".join(f'"{stem(word)}"*' for word in terms)


def search(missions: QuerySet, query: str) -> QuerySet | None:
    """`missions` that match `query` (not ranked: see `ranked`).

    None when the query has no word worth looking for: the caller shows everything.
    """
    terms = words(query)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        return missions.alias(search_vector=VectorColumn()).filter(
            search_vector=_postgresql_query(terms)
        )
    # The index lists its matches once (SQLite starts from the MATCH), and each is joined
    # to its mission by primary key.
    return missions.filter(search_entry__index__match=_fts5_query(terms))


def ranked(missions: QuerySet, query: str, *, filtered: bool = True) -> "RankedFirst | None":
    """`missions` that match `query`, the most relevant of the newest first (`RankedFirst`).

    `filtered`: whether `missions` is narrower than every open mission (the search table
    then keeps only theirs). None when the query has no word worth looking for.
    """
    terms = words(query)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        tsquery = _postgresql_query(terms)
        rows = MissionSearchRow.objects.alias(vector_=VectorColumn("vector")).filter(
            vector_=tsquery
        )
        if filtered:
            rows = rows.filter(mission__in=missions.values("pk"))
        rank = SearchRank(VectorColumn("vector"), tsquery)
        return RankedFirst(missions, rows, "mission_id", rank)
    rows = search(missions, query)
    rank = -BM25(F("search_entry__index"), Value(4.0), Value(1.0), Value(0.5))
    return RankedFirst(missions, rows, "pk", rank)


class RankedFirst:
    """Search results by relevance, paged like a list (`count()`, slices): the `CANDIDATES`
    newest matches ranked by relevance, then the other matches, newest first.

    The first pass reads no text: the matches newest first, which PostgreSQL walks in the
    search table's date index. Only its few hundred rows are ranked. Every match is listed
    once, in the same order from one page to the next.
    """

    def __init__(self, missions: QuerySet, rows: QuerySet, key: str, rank):
        self.missions = missions
        self.rows = rows
        self.key = key
        self.rank = rank
        self._head: list[int] | None = None
        self._count: int | None = None

    def _newest(self) -> QuerySet:
        return self.rows.order_by("-published_at", f"-{self.key}")

    def head(self) -> list[int]:
        """The newest matches' ids, the most relevant first (one query)."""
        if self._head is None:
            # Each row of the first pass is ranked as it comes: PostgreSQL stops walking
            # the date index at the limit; SQLite scores every match with bm25, cheaper
            # than a second pass through the index to score only the newest.
            found = self._newest().annotate(relevance=self.rank)[:CANDIDATES]
            scored = found.values_list(self.key, "published_at", "relevance")
            order = sorted(
                scored,
                key=lambda row: (row[2], row[1].timestamp() if row[1] else float("-inf"), row[0]),
                reverse=True,
            )
            self._head = [pk for pk, _published, _relevance in order]
        return self._head

    def count_up_to(self, limit: int) -> int:
        return self.rows.order_by().values(self.key)[:limit].count()

    def count(self) -> int:
        if self._count is None:
            self._count = self.rows.order_by().count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list:
        head = self.head()
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        ids = head[start:stop]
        if stop > len(head) and len(head) == CANDIDATES:
            rest = self._newest().values_list(self.key, flat=True)
            ids += list(rest[max(start, CANDIDATES) : stop])
        found = self.missions.order_by().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]
