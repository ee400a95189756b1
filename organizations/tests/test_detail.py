import datetime

from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from engagements.hooks import response_stats
from engagements.models import Application
from engagements.tests.factories import ApplicationFactory, MissionFactory
from organizations.tests.factories import AssociationFactory, MembershipFactory
from taxonomy.models import Cause

Status = Application.Status


def application(mission, status, *, hours: float | None = None, invited=False):
    created = timezone.now() - datetime.timedelta(days=20)
    app = ApplicationFactory(
        mission=mission, status=status, invited_by=UserFactory() if invited else None
    )
    Application.objects.filter(pk=app.pk).update(
        created_at=created,
        answered_at=created + datetime.timedelta(hours=hours) if hours is not None else None,
    )
    return app


def test_the_response_rate_counts_answers_against_expired_applications(association):
    mission = MissionFactory(organization=association)
    application(mission, Status.ACCEPTED, hours=2)
    application(mission, Status.DECLINED, hours=30)
    application(mission, Status.DECLINED, hours=50)
    application(mission, Status.EXPIRED)
    # Not yet known, the volunteer's own doing, or the association's own invitation.
    application(mission, Status.PENDING)
    application(mission, Status.WITHDRAWN)
    application(mission, Status.ACCEPTED, hours=1, invited=True)
    # Another association's applications do not count.
    application(MissionFactory(), Status.EXPIRED)

    assert response_stats(association) == {
        "rate": 75,
        "median_hours": 30,
        "answered": 3,
        "received": 4,
    }


def test_an_association_without_applications_has_no_rate(association, django_assert_num_queries):
    with django_assert_num_queries(2):
        stats = response_stats(association)

    assert stats == {"rate": None, "median_hours": None, "answered": 0, "received": 0}


def test_the_page_shows_the_rate_once_there_are_enough_applications(client, association):
    mission = MissionFactory(organization=association)
    url = reverse("organizations:detail", args=[association.slug])
    application(mission, Status.ACCEPTED, hours=3)
    assert "Pas encore assez de candidatures" in client.get(url).text

    application(mission, Status.DECLINED, hours=5)
    application(mission, Status.EXPIRED)
    response = client.get(url)

    assert "67 %" in response.text
    assert "(2 réponses sur 3 candidatures)" in response.text
    assert "en 4 heures" in response.text


def test_a_slow_answer_is_said_in_days(client, association):
    mission = MissionFactory(organization=association)
    for _ in range(3):
        application(mission, Status.ACCEPTED, hours=72)

    response = client.get(reverse("organizations:detail", args=[association.slug]))

    assert "en 3 jours" in response.text


def test_the_page_shows_who_the_association_is(client, association):
    association.causes.set(Cause.objects.filter(slug__in=["environment", "citizenship"]))
    association.links = "https://www.facebook.com/jardins\nhttps://www.helloasso.com/jardins"
    association.save()

    response = client.get(reverse("organizations:detail", args=[association.slug]))

    text = response.text
    assert "<h1>Les Jardins Partagés de Belleville</h1>" in text
    assert "Citoyenne (uniquement des bénévoles)" in text
    assert "Paris (Paris)" in text
    assert "Île-de-France" in text
    assert "Environnement" in text and "Citoyenneté et vie de quartier" in text
    assert 'href="https://www.helloasso.com/jardins"' in text


def test_a_pending_association_is_marked_and_not_indexed(client, db):
    pending = AssociationFactory(name="Les Nouveaux Voisins")

    response = client.get(reverse("organizations:detail", args=[pending.slug]))

    assert "En attente de vérification" in response.text
    assert '<meta name="robots" content="noindex">' in response.text


def test_only_open_missions_are_listed_and_at_most_ten(client, association):
    missions = MissionFactory.create_batch(12, organization=association)
    MissionFactory(organization=association, status="draft", title="Brouillon secret")

    response = client.get(reverse("organizations:detail", args=[association.slug]))

    assert response.text.count("Un logo pour la fête") == 10
    assert f'href="{reverse("missions:detail", args=[missions[-1].pk])}"' in response.text
    assert "Brouillon secret" not in response.text


def test_a_school_page_has_no_response_block(client, db):
    from organizations.tests.factories import OrganizationFactory

    school = OrganizationFactory(name="École de design de Nantes", verified=True)

    response = client.get(reverse("organizations:detail", args=[school.slug]))

    assert response.status_code == 200
    assert "Réponses aux bénévoles" not in response.text


def test_the_public_page_takes_the_same_queries_however_much_there_is(
    client, martine, association, django_assert_max_num_queries
):
    url = reverse("organizations:detail", args=[association.slug])
    client.force_login(martine)
    mission = MissionFactory(organization=association)
    application(mission, Status.ACCEPTED, hours=3)
    association.causes.set(Cause.objects.all()[:1])
    with django_assert_max_num_queries(30) as few:
        client.get(url)

    association.causes.set(Cause.objects.all())
    for mission in MissionFactory.create_batch(12, organization=association):
        application(mission, Status.DECLINED, hours=5)
        application(mission, Status.EXPIRED)
    MembershipFactory.create_batch(5, organization=association)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
