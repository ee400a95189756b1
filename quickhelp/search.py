"""Keyword search of the published answers, as missions are searched (missions/search.py):
PostgreSQL's full-text search on a `search_vector` column (title, situation, answer,
weighted A, B, C, French, accents ignored), or SQLite's FTS5 index; each word of the query
matches as a prefix of its light French stem (on PostgreSQL, or of its own French stem)."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, QuerySet, Value
from django.db.models.expressions import RawSQL

from missions.search import BM25, CONFIG, Match, stem, tsquery_term, words

from .models import PublicAnswerSearchEntry

PublicAnswerSearchEntry._meta.get_field("index").register_lookup(Match)


def search(answers: QuerySet, query: str) -> QuerySet | None:
    """`answers` that match `query`, annotated with `relevance` (higher is better); None
    when the query has no word worth looking for."""
    terms = words(query)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        expression = " & ".join(tsquery_term(word) for word in terms)
        tsquery = SearchQuery(expression, config=CONFIG, search_type="raw")
        quote = connection.ops.quote_name
        column = f"{quote(answers.model._meta.db_table)}.{quote('search_vector')}"
        vector = RawSQL(column, [], SearchVectorField())
        return (
            answers.alias(search_vector=vector)
            .filter(search_vector=tsquery)
            .annotate(relevance=SearchRank(vector, tsquery))
        )
    match = " ".join(f'"{stem(word)}"*' for word in terms)
    return answers.filter(search_entry__index__match=match).annotate(
        relevance=-BM25(F("search_entry__index"), Value(4.0), Value(1.0), Value(2.0))
    )
