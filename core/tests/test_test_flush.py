"""The flush that ends each transactional test (conftest.py) keeps the shipped geography
while it is whole, and empties it like every other table as soon as a test changed it."""

import pytest
from django.core.management.color import no_style
from django.core.management.commands import flush
from django.db import connection

from geo.models import Commune, Departement, Region

pytestmark = pytest.mark.django_db


def flushed_tables() -> str:
    return " ".join(flush.sql_flush(no_style(), connection, reset_sequences=False)).lower()


def test_the_flush_keeps_the_shipped_communes_and_empties_the_rest():
    statements = flushed_tables()
    assert "missions_mission" in statements
    assert "geo_commune" not in statements
    assert "geo_departement" not in statements
    assert "geo_region" not in statements


def test_a_commune_added_by_a_test_goes_with_the_whole_geography():
    Commune.objects.create(
        insee="99999",
        name="Ville imaginaire",
        search_name="ville imaginaire",
        departement=Departement.objects.get(pk="75"),
        region=Region.objects.get(pk="11"),
    )
    statements = flushed_tables()
    assert "geo_commune" in statements
    assert "geo_region" in statements


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_what_a_test_made_and_keeps_the_communes(martine, association):
    from django.core.management import call_command

    from accounts.models import User
    from organizations.models import Organization

    communes = Commune.objects.count()
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)
    assert not User.objects.exists()
    assert not Organization.objects.exists()
    assert Commune.objects.count() == communes > 30_000
