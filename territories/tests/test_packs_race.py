"""Two associations take the last place of a pack at the same moment."""

import threading
import time

import pytest
from django.db import OperationalError, connection, transaction

from accounts.tests.factories import UserFactory
from missions.models import Mission
from organizations.tests.factories import AssociationFactory, MembershipFactory
from territories import lifecycle, packs
from territories.models import Pack, PackClaim


def _association_of_venissieux(name: str):
    association = AssociationFactory(
        name=name, commune_id="69259", departement_code="69", region_code="84"
    )
    admin = UserFactory(full_name=f"Admin {name}")
    MembershipFactory(organization=association, user=admin, role="admin")
    return association, admin


@pytest.mark.django_db(transaction=True)
def test_two_associations_claiming_the_last_place_at_once_never_overfill_the_pack(
    shipped_data,
):
    from .packs_scene import build

    scene = build()
    pack = scene["pack"]
    Pack.objects.filter(pk=pack.pk).update(places=1)
    contenders = [_association_of_venissieux(n) for n in ("Les Voisins", "Les Riverains")]
    barrier = threading.Barrier(2, timeout=20)
    outcomes = []
    # As in engagements' race: SQLite takes its write lock when a transaction begins, so
    # there the two meet before; PostgreSQL lets both count the claims first, then meet:
    # without the lock on the pack row, both would see a free place and both would take it.
    meet_inside = connection.vendor != "sqlite"

    def attempt(association, admin):
        with transaction.atomic():
            PackClaim.objects.filter(pack=pack).count()
            if meet_inside:
                barrier.wait()
            packs.pack_claim(pack=pack, association=association, by=admin)

    def claim(association, admin):
        try:
            if not meet_inside:
                barrier.wait()
            for _ in range(200):
                try:
                    attempt(association, admin)
                    break
                except OperationalError as error:
                    # SQLite in memory says "locked" at once instead of waiting.
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            else:
                raise AssertionError("the database stayed locked")
            outcomes.append("claimed")
        except lifecycle.NoPlacesLeft:
            outcomes.append("no places left")
        except Exception as error:  # reported below rather than lost in the thread
            outcomes.append(repr(error))
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=claim, args=contender) for contender in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["claimed", "no places left"]
    assert PackClaim.objects.filter(pack=pack).count() == 1
    # Only the winner's missions exist: the loser's transaction left nothing behind.
    assert Mission.objects.filter(sponsor=scene["venissieux"]).count() == 3
