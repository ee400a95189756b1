"""Challenge events' badges: issued when the results are published, verified like attestations."""

import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from challenges.models import Event, Registration, Submission, Team
from challenges.signals import results_published
from challenges.tests.factories import ChallengeFactory, EventFactory
from credentials.models import Credential
from schools.tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db
CODES = itertools.count(1)


def _team(event, name, members, challenge, *, submitted=True, rank=None, prize=""):
    team = Team.objects.create(
        event=event,
        name=name,
        code=f"B{next(CODES):05d}",
        leader=members[0],
        challenge=challenge,
        rank=rank,
        prize=prize,
    )
    for member in members:
        Registration.objects.create(
            event=event, student=member, team=team, registered_at=timezone.now()
        )
    if submitted:
        now = timezone.now()
        Submission.objects.create(
            team=team, description="Une affiche.", submitted_at=now, updated_at=now
        )
    return team


@pytest.fixture
def finished(lea, association, django_capture_on_commit_callbacks):
    """A night whose results are out: the Colibris (Léa, Inès) won the first prize, the
    Hérons (Hugo) took part, the Mouettes (Zoé) never submitted."""
    event = EventFactory(
        organiser=SchoolFactory(name="École de design de Nantes", verified=True),
        title="Nuit de l’innovation solidaire",
        status=Event.Status.RESULTS,
    )
    challenge = ChallengeFactory(event=event, association=association)
    ines = UserFactory(full_name="Inès Moreau")
    hugo = UserFactory(full_name="Hugo Petit")
    zoe = UserFactory(full_name="Zoé Blanc")
    _team(event, "Les Colibris", [lea, ines], challenge, rank=1, prize="Prix du jury")
    _team(event, "Les Hérons", [hugo], challenge, rank=2)
    _team(event, "Les Mouettes", [zoe], challenge, submitted=False)

    def publish():
        with django_capture_on_commit_callbacks(execute=True):
            results_published.send(sender=Event, event=event)

    return event, publish, {"lea": lea, "ines": ines, "hugo": hugo, "zoe": zoe}


def test_publication_gives_every_participant_a_badge_and_winners_their_prize(finished):
    event, publish, people = finished

    publish()

    names = {
        (c.holder.full_name, c.document["name"])
        for c in Credential.objects.select_related("holder")
    }
    assert names == {
        ("Léa Martin", "Participation à Nuit de l’innovation solidaire"),
        ("Inès Moreau", "Participation à Nuit de l’innovation solidaire"),
        ("Hugo Petit", "Participation à Nuit de l’innovation solidaire"),
        ("Léa Martin", "Prix du jury — Nuit de l’innovation solidaire"),
        ("Inès Moreau", "Prix du jury — Nuit de l’innovation solidaire"),
    }
    assert AuditEvent.objects.filter(verb="credential.badge_issued").count() == 5


def test_publishing_twice_issues_nothing_new(finished):
    event, publish, people = finished
    publish()

    publish()

    assert Credential.objects.count() == 5


def test_no_badge_before_the_results(finished):
    event, publish, people = finished
    Event.objects.filter(pk=event.pk).update(status=Event.Status.JUDGING)

    publish()

    assert not Credential.objects.exists()


def test_the_badge_shows_on_its_verification_page_and_in_her_list(finished, client):
    event, publish, people = finished
    publish()
    prize = Credential.objects.get(holder=people["lea"], kind=Credential.Kind.PRIZE)

    page = client.get(prize.get_absolute_url()).content.decode()
    assert "Badge valide" in page
    assert "Prix du jury — Nuit de l’innovation solidaire" in page
    assert "Léa Martin" in page
    assert client.get(reverse("credentials:attestation", args=[prize.public_id])).status_code == 404

    client.force_login(people["lea"])
    mine = client.get(reverse("credentials:mine")).content.decode()
    assert "Participation à Nuit de l’innovation solidaire" in mine
    assert "Prix du jury — Nuit de l’innovation solidaire" in mine


def test_a_badge_verifies_with_the_independent_verifier(finished, node_verify):
    event, publish, people = finished
    publish()
    badge = Credential.objects.get(holder=people["hugo"])

    assert node_verify(badge.document) == {
        "verified": True,
        "errors": [],
        "revoked": False,
        "statusListVerified": True,
    }


def test_erasing_her_account_forgets_her_name_on_her_badges(finished):
    from credentials.services import credentials_erase_for

    event, publish, people = finished
    publish()

    credentials_erase_for(people["lea"])

    for badge in Credential.objects.filter(holder=people["lea"]):
        assert badge.is_erased
        assert "Léa" not in str(badge.document)
