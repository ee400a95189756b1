"""The diagnosis is offered on the association's dashboard block and page, right after the
association is created, and can be turned down."""

import pytest
from django.urls import reverse

from diagnosis.models import Dismissal
from diagnosis.tests.helpers import answer_all
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory, MembershipFactory
from taxonomy.models import Cause

pytestmark = pytest.mark.usefixtures("loaded")
OFFER = "Faire le point sur le numérique de votre association (5 minutes)"


def test_a_new_association_is_offered_the_diagnosis_right_away(client, martine):
    client.force_login(martine)

    response = client.post(
        reverse("organizations:create"),
        {
            "name": "Les Amis du Canal",
            "association_type": "citizen",
            "causes": [Cause.objects.get(slug="environment").pk],
            "commune": "Lyon",
            "size": "11-50",
            "description": "Nous nettoyons les berges du canal chaque mois.",
        },
        follow=True,
    )

    organization = Organization.objects.get(name="Les Amis du Canal")
    assert response.status_code == 200  # on to the first need (the template choice)
    page = client.get(organization.get_absolute_url()).text
    assert OFFER in page
    assert reverse("diagnosis:start", args=[organization.slug]) in page
    assert OFFER in client.get("/").text


def test_the_offer_is_for_members_only(client, lea, association):
    client.force_login(lea)

    page = client.get(reverse("organizations:detail", args=[association.slug])).text

    assert OFFER not in page
    assert "/diagnosis/" not in page


def test_turning_the_offer_down_hides_it_for_the_whole_association(
    client, martine, yacine, association
):
    client.force_login(yacine)

    response = client.post(
        reverse("diagnosis:dismiss", args=[association.slug]), {"next": "/"}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/"
    assert "nous ne vous le proposerons plus" in response.text
    assert Dismissal.objects.get(organization=association).by == yacine
    client.force_login(martine)
    for url in ("/", reverse("organizations:detail", args=[association.slug])):
        page = client.get(url).text
        assert OFFER not in page
        assert "Faire le point sur le numérique" in page  # still within reach


def test_turning_it_down_never_sends_elsewhere(client, martine, association):
    client.force_login(martine)

    response = client.post(
        reverse("diagnosis:dismiss", args=[association.slug]), {"next": "https://evil.example/"}
    )

    assert response.url == reverse("core:home")


def test_the_dashboard_follows_the_diagnosis(client, martine, association):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))

    page = client.get("/").text
    assert OFFER not in page
    assert "Reprendre le questionnaire" in page

    from diagnosis.models import Diagnosis

    Diagnosis.objects.all().delete()
    diagnosis = answer_all(association, martine)
    page = client.get("/").text
    assert f"{diagnosis.overall} sur 100" in page
    assert reverse("diagnosis:results", args=[association.slug, diagnosis.pk]) in page


def test_the_dashboard_takes_the_same_queries_however_many_associations(
    client, martine, association, django_assert_max_num_queries
):
    client.force_login(martine)
    with django_assert_max_num_queries(40) as few:
        client.get("/")

    for name in ("Amicale des Pêcheurs", "Chorale du Lac"):
        other = AssociationFactory(name=name)
        MembershipFactory(organization=other, user=martine)
        answer_all(other, martine)
        answer_all(other, martine)
    answer_all(association, martine, complete=False)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/").text
    assert page.count("Voir les résultats et le plan") == 2
    assert "Reprendre le questionnaire" in page


def test_volunteers_without_an_association_are_not_offered_it(client, lea):
    client.force_login(lea)

    assert OFFER not in client.get("/").text


def test_the_written_out_annotations_match_the_orm(martine, association):
    """The association's home page reads the offer with `offer_annotations_sql`, the other
    pages with `offer_annotations`: both say the same, whatever the diagnoses."""
    from diagnosis.models import Diagnosis
    from diagnosis.selectors import offer_annotations, offer_annotations_sql
    from organizations.models import Membership

    dismissed = AssociationFactory(name="Amicale des Pêcheurs")
    Dismissal.objects.create(organization=dismissed, by=martine)
    done_twice = AssociationFactory(name="Chorale du Lac")
    answer_all(done_twice, martine)
    latest = answer_all(done_twice, martine)
    Diagnosis.objects.filter(pk=latest.pk).update(overall=42)
    answer_all(association, martine, complete=False)
    for organization in (dismissed, done_twice):
        MembershipFactory(organization=organization, user=martine)

    names = ("latest_pk", "latest_at", "latest_overall", "in_progress_pk", "dismissed")
    memberships = Membership.objects.filter(user=martine).order_by("pk")
    orm = list(memberships.annotate(**offer_annotations("organization")).values_list(*names))
    written = memberships.annotate(**offer_annotations_sql(Membership, "organization_id"))
    assert list(written.values_list(*names)) == orm
    assert len(orm) == 3
    assert {row[4] for row in orm} == {True, False}  # one dismissed, the others not
    assert (latest.pk, 42) in {(row[0], row[2]) for row in orm}
    assert any(row[3] for row in orm)  # the one in progress
