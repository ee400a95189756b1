"""A company opens a programme: the yearly time of each employee, the causes and
départements it supports, its formats; managers change or close it."""

from django.urls import reverse

from companies.lifecycle import scope_refusal
from companies.models import Programme
from missions.tests.factories import MissionFactory
from organizations.tests.factories import AssociationFactory
from taxonomy.models import Cause

from .factories import ProgrammeFactory


def programme_data(**overrides) -> dict:
    data = {
        "name": "Mécénat de compétences 2026",
        "description": "Trois jours par an pour une association de la métropole.",
        "hours_per_employee": "21",
        "causes": [Cause.objects.get(slug="environment").pk],
        "departements": "69, 1",
        "one_off": "on",
        "recurring": "on",
        "recurring_hours_per_month": "28",
        "recurring_months": "6",
    }
    data.update(overrides)
    return data


def test_a_manager_opens_a_programme_and_her_employees_read_it(client, company, sandrine, julie):
    client.force_login(sandrine)
    url = reverse("companies:programme_create", args=[company.slug])

    response = client.post(url, programme_data(one_off="", recurring=""))
    assert "Cochez au moins une forme d’engagement" in response.text
    response = client.post(url, programme_data(departements="69, 999"))
    assert "Nous ne connaissons pas ce département : 999" in response.text
    response = client.post(url, programme_data())

    programme = Programme.objects.get()
    assert response.url == programme.get_absolute_url()
    assert (programme.hours_per_employee, programme.one_off, programme.recurring) == (
        21,
        True,
        True,
    )
    assert programme.recurring_hours == 168
    assert sorted(d.code for d in programme.departements.all()) == ["01", "69"]
    assert [c.slug for c in programme.causes.all()] == ["environment"]
    assert "Mécénat de compétences 2026" in client.get(company.get_absolute_url()).text

    client.force_login(julie)
    page = client.get(reverse("companies:mine")).text
    assert "Mécénat de compétences 2026" in page
    assert "21 heures de travail par an" in page


def test_only_its_managers_change_or_close_a_programme(client, company, sandrine, julie, gilles):
    programme = ProgrammeFactory(company=company)
    for user in (julie, gilles):
        client.force_login(user)
        assert client.get(reverse("companies:programme", args=[programme.pk])).status_code == 404
        response = client.post(reverse("companies:programme_move", args=[programme.pk, "close"]))
        assert response.status_code == 404
    client.force_login(sandrine)

    client.post(
        reverse("companies:programme_edit", args=[programme.pk]),
        programme_data(hours_per_employee="35", causes=[], departements=""),
    )
    client.post(reverse("companies:programme_move", args=[programme.pk, "close"]))

    programme.refresh_from_db()
    assert (programme.hours_per_employee, programme.status) == (35, "closed")
    assert not programme.causes.exists()
    client.force_login(julie)
    assert programme.name not in client.get(reverse("companies:mine")).text


def test_a_programme_supports_the_missions_of_its_causes_and_departements(company):
    programme = ProgrammeFactory(company=company)
    programme.causes.set([Cause.objects.get(slug="environment")])
    programme.departements.set(["69"])
    green = AssociationFactory(departement_code="69")
    green.causes.set([Cause.objects.get(slug="environment")])
    sport = AssociationFactory(departement_code="69")
    sport.causes.set([Cause.objects.get(slug="sport")])
    far = AssociationFactory(departement_code="75")
    far.causes.set([Cause.objects.get(slug="environment")])

    def refusal(association):
        mission = MissionFactory(organization=association, departement_code="")
        causes = {cause.pk for cause in association.causes.all()}
        return scope_refusal(programme, mission, cause_ids=causes)

    assert refusal(green) == ""
    assert "causes" in refusal(sport)
    assert "départements" in refusal(far)
