"""Where a helper's hours of quick help are counted besides her book: printed on her
attestations (credentials asks, quick help answers) and in the hours of the territory
whose association she helped (its dashboard's "Heures de bénévolat" table, valued in
euros at the rate of each question's topic)."""

import csv
import io
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from completion.tests.factories import CompletionFactory, engagement
from credentials.services import issue_for
from credentials.tests.test_pdf import pdf_text
from impact.selectors import current_rates
from missions.models import Status
from missions.tests.factories import MissionFactory
from organizations.tests.factories import AssociationFactory, MembershipFactory
from quickhelp import services
from taxonomy.models import SkillDomain

from .factories import QuestionFactory, call_question

pytestmark = pytest.mark.django_db


def _help(association, asker, helper):
    """`helper` takes a call (an hour) and answers another question in writing (half an
    hour); the association marks both solved."""
    called = call_question(association, asker)
    services.call_take(
        question=called, by=helper, slot=called.slots.first(), video_link="https://x.example"
    )
    services.question_solve(question=called, by=asker, thanked=helper)
    written = QuestionFactory(organization=association, asked_by=asker)
    services.answer_write(question=written, by=helper, body="Somme (Σ), puis Entrée.")
    services.question_solve(question=written, by=asker, thanked=helper)


def test_her_hours_of_quick_help_are_printed_on_her_attestation(
    client, association, martine, nina, tmp_path
):
    mission = MissionFactory(organization=association, status=Status.COMPLETED)
    application = engagement(mission=mission, volunteer=nina)
    CompletionFactory(application=application)
    credential = issue_for(application)
    url = reverse("credentials:attestation", args=[credential.public_id])
    assert "Coups de main" not in pdf_text(client.get(url).content, tmp_path)

    _help(association, martine, nina)

    # The PDF kept a day in the cache is drawn again: what it prints changed.
    text = pdf_text(client.get(url).content, tmp_path)
    assert "Coups de main aux associations" in text
    assert "1,5 h de coups de main données à des associations sur 2 questions" in text
    english = pdf_text(client.get(url, {"lang": "en"}).content, tmp_path)
    assert "1.5 h of quick help given to associations on 2 questions" in english


def test_another_volunteer_s_attestation_says_nothing_of_it(
    client, association, martine, nina, lea, tmp_path
):
    _help(association, martine, nina)
    mission = MissionFactory(organization=association, status=Status.COMPLETED)
    application = engagement(mission=mission, volunteer=lea)
    CompletionFactory(application=application)
    credential = issue_for(application)
    url = reverse("credentials:attestation", args=[credential.public_id])
    assert "Coups de main" not in pdf_text(client.get(url).content, tmp_path)


def test_the_territory_counts_the_hours_of_its_associations(client, nina):
    from territories.tests.scene import build

    scene = build()
    odile = MembershipFactory(
        organization=AssociationFactory(
            name="Amicale de Vénissieux",
            commune_id="69259",
            departement_code="69",
            region_code="84",
            verified=True,
        ),
        role="admin",
    )
    elsewhere = MembershipFactory(
        organization=AssociationFactory(name="Club de Paris", commune_id="75056", verified=True),
        role="admin",
    )
    _help(odile.organization, odile.user, nina)
    _help(elsewhere.organization, elsewhere.user, nina)  # not in the Rhône
    client.force_login(scene["users"]["claire"])
    year = str(timezone.localdate().year)
    rhone = scene["rhone"]

    response = client.get(
        reverse("territories:dashboard", args=[rhone.slug]), {"period": "year", "year": year}
    )

    # Valued in euros like a mission's hours: at the hourly rate of the question's topic.
    rate = current_rates().of(SkillDomain.objects.get(slug="data-office").pk)
    euros = int((Decimal("1.5") * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert euros > 0
    rows = response.context["board"].table("value").rows
    assert rows[-2:] == [
        ["Coups de main (questions résolues)", 1.5, None, euros],
        ["Total", 1.5, None, euros],
    ]
    text = response.text
    assert '<th scope="row">Coups de main (questions résolues)</th><td>1,5</td>' in text
    assert "une heure par appel, une demi-heure par réponse écrite" in text
    assert "au tarif horaire du sujet de chaque question" in text
    csv_url = reverse("territories:dashboard_csv", args=[rhone.slug, "value"])
    data = client.get(csv_url, {"period": "year", "year": year}).content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(data), delimiter=";"))
    assert ["Coups de main (questions résolues)", "1,5", "", str(euros)] in table
    assert ["Total", "1,5", "", str(euros)] in table
