"""Helpers for the few queries written in SQL (hot paths where building them with the ORM
cost more than running them)."""

from django.db import connection


def table(model) -> str:
    """The model's table name, quoted for the database in use."""
    return connection.ops.quote_name(model._meta.db_table)
