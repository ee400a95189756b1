"""A company on the site: registered with its SIREN, its employees join by its link or by
its e-mail domain, leave, and choose whether their profile names it."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from companies.models import EmailDomain, Employee
from organizations.models import Organization
from volunteers.models import VolunteerProfile

from .factories import CompanyFactory


def company_data(**overrides) -> dict:
    data = {"name": "Boulangerie Dupain", "commune": "Lyon", "siren": "443 061 841"}
    data.update(overrides)
    return data


def test_a_company_is_registered_only_with_a_siren_that_exists(client, lea):
    client.force_login(lea)
    url = reverse("organizations:create") + "?kind=company"

    response = client.post(url, company_data(siren=""))
    assert "Indiquez le numéro SIREN de l’entreprise." in response.text
    response = client.post(url, company_data(siren="443 061 842"))
    assert "Ce numéro SIREN n’existe pas" in response.text
    assert not Organization.objects.filter(kind="company").exists()

    response = client.post(url, company_data(), follow=True)

    company = Organization.objects.get(kind="company")
    assert company.siren == "443061841"
    assert company.members.get() == lea
    # Her way to the company's space, from its page.
    assert reverse("companies:space", args=[company.slug]) in response.text


def test_an_employee_joins_by_the_invitation_link_after_logging_in(client, company):
    url = reverse("companies:join", args=[company.invite_token])
    response = client.get(url)
    assert "Créer mon compte" in response.text
    response = client.post(url)
    assert response.url.startswith(reverse("accounts:login"))

    thomas = UserFactory(full_name="Thomas Blanc", email="thomas.blanc@example.net")
    client.force_login(thomas)
    assert "Rejoindre Imprimerie Martin" in client.get(url).text
    response = client.post(url)

    assert response.url == reverse("companies:mine")
    employee = Employee.objects.get(user=thomas)
    assert (employee.company, employee.status, employee.via) == (company, "joined", "link")
    assert "Vous faites déjà partie" in client.get(url).text
    # Her header now leads to her company.
    assert reverse("companies:mine") in client.get("/").text


def test_an_employee_with_a_confirmed_address_of_the_domain_joins_in_one_click(client, company):
    julie = UserFactory(full_name="Julie Garnier", email="julie@imprimerie-martin.fr")
    client.force_login(julie)

    page = client.get(reverse("companies:mine")).text
    assert "Rejoindre Imprimerie Martin" in page
    response = client.post(reverse("companies:join_by_domain", args=[company.slug]))

    assert response.url == reverse("companies:mine")
    assert Employee.objects.get(user=julie).via == "domain"
    assert "Rejoindre Imprimerie Martin" not in client.get(reverse("companies:mine")).text


@pytest.mark.parametrize(
    ("email", "verified", "company_verified", "words"),
    [
        ("julie@imprimerie-martin.fr", False, True, "Confirmez d’abord votre adresse"),
        ("julie@ailleurs.fr", True, True, "n’est pas une adresse de cette entreprise"),
        ("julie@imprimerie-martin.fr", True, False, "pas encore été vérifiée"),
    ],
)
def test_the_domain_lets_in_only_a_confirmed_address_of_a_checked_company(
    client, company, email, verified, company_verified, words
):
    user = UserFactory(email=email, email_verified_at=None if not verified else "2026-01-05T10:00Z")
    if not company_verified:
        Organization.objects.filter(pk=company.organization_id).update(verification="pending")
    client.force_login(user)

    assert "Rejoindre Imprimerie Martin" not in client.get(reverse("companies:mine")).text
    response = client.post(reverse("companies:join_by_domain", args=[company.slug]), follow=True)

    assert words in response.text
    assert not Employee.objects.filter(user=user).exists()


def test_a_manager_declares_only_the_domain_of_her_own_confirmed_address(client, sandrine):
    company = sandrine.memberships.get().organization.company
    EmailDomain.objects.all().delete()
    client.force_login(sandrine)
    url = reverse("companies:employees", args=[company.slug])

    for domain, words in [
        ("gmail.com", "messagerie ouverte à tous"),
        ("autre-entreprise.fr", "votre propre adresse e-mail confirmée doit en faire partie"),
        ("pas un domaine", "Écrivez seulement ce qui suit le @"),
    ]:
        response = client.post(url, {"domain": domain})
        assert words in response.text, domain
    assert not EmailDomain.objects.exists()

    response = client.post(url, {"domain": "@Imprimerie-Martin.fr"})

    assert response.status_code == 302
    assert EmailDomain.objects.get().domain == "imprimerie-martin.fr"
    other = CompanyFactory()
    gilles = UserFactory(email="gilles@imprimerie-martin.fr")
    other.organization.memberships.create(user=gilles, role="admin")
    client.force_login(gilles)
    response = client.post(
        reverse("companies:employees", args=[other.slug]), {"domain": "imprimerie-martin.fr"}
    )
    assert "déjà déclaré par une autre entreprise" in response.text


def test_a_renewed_link_no_longer_works(client, company, sandrine):
    old = reverse("companies:join", args=[company.invite_token])
    client.force_login(sandrine)

    client.post(reverse("companies:invite_renew", args=[company.slug]))

    company.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(reverse("companies:join", args=[company.invite_token])).status_code == 200


def test_an_employee_leaves_and_may_come_back_by_the_link(client, company, thomas):
    employee = Employee.objects.get(user=thomas)
    client.force_login(thomas)
    url = reverse("companies:leave", args=[employee.pk])
    assert "Oui, quitter l’entreprise" in client.get(url).text

    client.post(url)

    employee.refresh_from_db()
    assert (employee.status, employee.ended_by) == ("left", thomas)
    assert "Quitter Imprimerie Martin" not in client.get(reverse("companies:mine")).text
    client.post(reverse("companies:join", args=[company.invite_token]))
    employee.refresh_from_db()
    assert employee.status == "joined"


def test_a_manager_takes_someone_off_the_list_but_not_another_companys(
    client, company, sandrine, thomas, gilles
):
    employee = Employee.objects.get(user=thomas)
    url = reverse("companies:employee_remove", args=[company.slug, employee.pk])
    client.force_login(gilles)
    assert client.post(url).status_code == 403
    client.force_login(sandrine)

    client.post(url)

    employee.refresh_from_db()
    assert (employee.status, employee.ended_by) == ("left", sandrine)


def test_her_profile_names_her_employer_only_when_she_chooses(client, company, julie, lea):
    VolunteerProfile.objects.filter(user=julie).update(is_public=True)
    employee = Employee.objects.get(user=julie)
    profile_url = reverse("volunteers:detail", args=[julie.pk])
    client.force_login(lea)
    assert "Imprimerie Martin" not in client.get(profile_url).text

    client.force_login(julie)
    client.post(reverse("companies:visibility", args=[employee.pk]), {"shown": "on"})

    client.force_login(lea)
    assert "Salarié·e de Imprimerie Martin" in client.get(profile_url).text
    client.force_login(julie)
    client.post(reverse("companies:visibility", args=[employee.pk]), {})
    client.force_login(lea)
    assert "Imprimerie Martin" not in client.get(profile_url).text


def test_only_managers_see_and_set_the_hourly_cost(client, company, sandrine, julie):
    employee = Employee.objects.get(user=julie)
    url = reverse("companies:employee_cost", args=[company.slug, employee.pk])
    client.force_login(julie)
    assert client.post(url, {"hourly_cost": "10"}).status_code == 403
    assert client.get(reverse("companies:employees", args=[company.slug])).status_code == 403

    client.force_login(sandrine)
    client.post(url, {"hourly_cost": "42,50"})

    employee.refresh_from_db()
    assert str(employee.hourly_cost) == "42.50"
    assert "42,50" in client.get(reverse("companies:employees", args=[company.slug])).text
    client.force_login(julie)
    assert "42,5" not in client.get(reverse("companies:mine")).text


def test_her_data_are_exported_and_her_choices_erased(company, julie):
    from django.apps import apps

    from accounts.services import user_delete

    config = apps.get_app_config("companies")
    employee = Employee.objects.get(user=julie)
    Employee.objects.filter(pk=employee.pk).update(show_employer=True, hourly_cost=40)

    data = config.personal_data(julie)
    user_delete(user=julie)

    assert data["employments"][0]["company"] == "Imprimerie Martin"
    employee.refresh_from_db()
    assert (employee.status, employee.show_employer, employee.hourly_cost) == ("left", False, None)
