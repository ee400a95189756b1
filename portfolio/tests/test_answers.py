"""A student shows her team's challenge answer in her book: her choice, after the results."""

import datetime
import itertools

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from challenges.models import Event, Registration, Submission, SubmissionFile, Team
from challenges.tests.factories import ChallengeFactory, EventFactory
from portfolio.models import BookAnswer, Portfolio

pytestmark = pytest.mark.django_db
CODES = itertools.count(1)


@pytest.fixture
def ines(db):
    return UserFactory(full_name="Inès Moreau")


@pytest.fixture
def team(lea, ines, association):
    event = EventFactory(
        title="Nuit de l’innovation solidaire",
        status=Event.Status.RESULTS,
        submission_deadline=timezone.now() - datetime.timedelta(days=2),
    )
    challenge = ChallengeFactory(
        event=event, association=association, title="Faire connaître l’épicerie"
    )
    team = Team.objects.create(
        event=event,
        name="Les Colibris",
        code=f"P{next(CODES):05d}",
        leader=lea,
        challenge=challenge,
        rank=1,
        prize="Prix du jury",
    )
    for member in (lea, ines):
        Registration.objects.create(
            event=event, student=member, team=team, registered_at=timezone.now()
        )
    now = timezone.now()
    submission = Submission.objects.create(
        team=team,
        description="Une affiche sérigraphiée pour l’épicerie.",
        links="https://example.org/maquette",
        submitted_at=now,
        updated_at=now,
    )
    stored = SubmissionFile(
        submission=submission,
        name="affiche.pdf",
        size=8,
        content_type="application/pdf",
        uploaded_at=now,
    )
    stored.file.save("affiche.pdf", ContentFile(b"%PDF-1.4"), save=False)
    stored.save()
    return team


@pytest.fixture
def lea_book(lea):
    return Portfolio.objects.create(user=lea, slug="lea-martin", is_public=True)


def _choice(team):
    return reverse("portfolio:answer", args=[team.pk])


def test_off_by_default_then_her_book_shows_the_answer_she_chose(client, team, lea, lea_book):
    book = reverse("portfolio:detail", args=["lea-martin"])
    assert "Une affiche sérigraphiée" not in client.get(book).content.decode()

    client.force_login(lea)
    client.post(_choice(team), {"shown": "on"})
    client.logout()

    page = client.get(book).content.decode()
    assert "Une affiche sérigraphiée" in page
    assert "Faire connaître l’épicerie" in page
    assert "Nuit de l’innovation solidaire" in page
    assert "Prix du jury" in page
    assert "https://example.org/maquette" in page
    assert "affiche.pdf" not in page  # the files stay private unless she shows them
    assert AuditEvent.objects.filter(verb="team.book_shown", object_id=team.pk).exists()


def test_her_choice_is_not_the_teams(client, team, lea, ines, lea_book):
    Portfolio.objects.create(user=ines, slug="ines-moreau", is_public=True)
    client.force_login(lea)
    client.post(_choice(team), {"shown": "on"})

    page = client.get(reverse("portfolio:detail", args=["ines-moreau"])).content.decode()

    assert "Une affiche sérigraphiée" not in page


def test_the_files_only_if_she_shows_them(client, team, lea, lea_book):
    client.force_login(lea)
    client.post(_choice(team), {"shown": "on", "show_files": "on"})
    client.logout()
    file = team.submission.files.get()
    url = reverse("portfolio:answer_file", args=["lea-martin", team.pk, file.pk])

    assert url in client.get(reverse("portfolio:detail", args=["lea-martin"])).content.decode()
    assert client.get(url).status_code == 200

    client.force_login(lea)
    client.post(_choice(team), {"shown": "on"})
    client.logout()
    assert client.get(url).status_code == 404


def test_she_takes_it_back(client, team, lea, lea_book):
    client.force_login(lea)
    client.post(_choice(team), {"shown": "on"})

    client.post(_choice(team), {})

    assert not BookAnswer.objects.exists()
    assert AuditEvent.objects.filter(verb="team.book_hidden").exists()


def test_not_before_the_results(client, team, lea):
    Event.objects.filter(pk=team.event_id).update(status=Event.Status.JUDGING)
    client.force_login(lea)

    page = client.get(_choice(team)).content.decode()
    client.post(_choice(team), {"shown": "on"})

    assert "une fois les résultats publiés" in page
    assert not BookAnswer.objects.exists()


def test_her_settings_list_the_answers_she_may_show(client, team, lea):
    client.force_login(lea)
    page = client.get(reverse("portfolio:settings")).content.decode()
    assert _choice(team) in page


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("lea", 200),  # a team member
        ("ines", 200),  # another member: her own choice
        ("martine", 404),  # the association's admin
        ("bruno", 404),  # another association
        ("hugo", 404),  # another team
        ("sophie", 404),  # the organiser
        (None, 302),  # anonymous: to the login
    ],
)
def test_permission_walk(client, request, team, who, status):
    if who == "hugo":
        hugo = UserFactory(full_name="Hugo Petit")
        other = Team.objects.create(event=team.event, name="Les Hérons", code="PHERON", leader=hugo)
        Registration.objects.create(
            event=team.event, student=hugo, team=other, registered_at=timezone.now()
        )
        client.force_login(hugo)
    elif who == "sophie":
        from organizations.tests.factories import MembershipFactory

        sophie = UserFactory(full_name="Sophie Bernard")
        MembershipFactory(organization=team.event.organiser, user=sophie, role="admin")
        client.force_login(sophie)
    elif who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(_choice(team)).status_code == status
    assert client.post(_choice(team), {"shown": "on"}).status_code == (
        302 if status != 404 else 404
    )
    assert BookAnswer.objects.count() == (1 if who in ("lea", "ines") else 0)


def test_the_book_counts_its_queries_once(
    client, team, lea, ines, lea_book, association, django_assert_max_num_queries
):
    BookAnswer.objects.create(user=lea, team=team, show_files=True)
    book = reverse("portfolio:detail", args=["lea-martin"])
    with django_assert_max_num_queries(40) as few:
        client.get(book)
    queries = len(few.captured_queries)
    event = EventFactory(status=Event.Status.CLOSED)
    other = Team.objects.create(
        event=event,
        name="Les Pies",
        code="PPIES1",
        leader=lea,
        challenge=ChallengeFactory(event=event, association=association),
    )
    Registration.objects.create(event=event, student=lea, team=other, registered_at=timezone.now())
    now = timezone.now()
    Submission.objects.create(team=other, description="Un site.", submitted_at=now, updated_at=now)
    BookAnswer.objects.create(user=lea, team=other, show_files=True)

    with django_assert_max_num_queries(queries):
        assert "Un site." in client.get(book).content.decode()


def test_her_choices_are_in_her_export_and_go_with_her_account(team, lea):
    from accounts.services import user_delete, user_personal_data

    BookAnswer.objects.create(user=lea, team=team)
    assert user_personal_data(user=lea)["portfolio"]["challenge_answers"] == [
        {"team": team.pk, "show_files": False}
    ]

    user_delete(user=lea)

    assert not BookAnswer.objects.exists()
