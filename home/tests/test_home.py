"""The home page of a visitor: what each kind of person can do today, and where to start."""

import re
from html import unescape

from django.urls import reverse

from accounts.models import User
from accounts.tests.factories import UserFactory
from organizations.models import Organization
from organizations.tests.factories import MembershipFactory
from schools.tests.factories import CohortFactory, SchoolFactory
from territories.tests.factories import AuthorityFactory


def test_a_teacher_finds_her_entry_and_lands_on_the_school_form(client, commit, db, last_link):
    page = client.get(reverse("core:home"))
    assert "Vous enseignez dans une école ou une université" in page.text
    assert "collectivités accompagnent" not in page.text  # nothing promised that is not built
    link = unescape(re.search(r'href="([^"]*)">Inscrire mon école', page.text).group(1))

    form = client.get(link)
    assert form.status_code == 200
    commit(
        client.post,
        link,
        {
            "full_name": "Claire Dubois",
            "email": "claire@ecole.example",
            "password": "un mot de passe solide",
            "intent": "other",
        },
    )
    assert User.objects.get(email="claire@ecole.example").intent == User.Intent.OTHER

    response = client.get(last_link("claire@ecole.example"))

    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('organizations:create')}?kind={Organization.Kind.SCHOOL}"
    )
    assert "UAI" in client.get(response["Location"]).text


def test_a_teacher_with_an_account_finds_her_cohorts_from_the_home_page(client, db):
    school = SchoolFactory(name="École de design de Nantes")
    sophie = UserFactory(email="sophie@example.org")
    MembershipFactory(organization=school, user=sophie, role="admin")
    CohortFactory(school=school, name="Master 1 Design graphique", teachers=[sophie])
    page = client.get(reverse("core:home")).text
    # What the page promises teachers is what exists: class projects, the dashboard.
    assert "un projet de classe, un seul accord" in page
    assert "vous validez leur travail" in page
    link = unescape(re.search(r'href="([^"]*)">Déjà inscrit·e', page).group(1))

    response = client.post(
        link, {"email": "sophie@example.org", "password": "un mot de passe solide"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("teaching:cohorts")
    assert "Master 1 Design graphique" in client.get(response["Location"]).text


# --- Local authorities ------------------------------------------------------------------------
def test_a_local_authority_finds_its_entry_and_lands_on_the_authority_form(
    client, commit, db, last_link
):
    page = client.get(reverse("core:home"))
    text = unescape(page.text)
    assert "Vous êtes une collectivité" in text
    for promise in ("pack numérique", "médiateurs numériques", "tableau de bord du territoire"):
        assert promise in text
    link = unescape(re.search(r'href="([^"]*)">Inscrire ma collectivité', page.text).group(1))

    assert client.get(link).status_code == 200
    commit(
        client.post,
        link,
        {
            "full_name": "Hugo Maire",
            "email": "hugo@ville.example",
            "password": "un mot de passe solide",
            "intent": "other",
        },
    )
    response = client.get(last_link("hugo@ville.example"))

    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('organizations:create')}?kind={Organization.Kind.LOCAL_AUTHORITY}"
    )
    form = client.get(response["Location"])
    assert form.status_code == 200
    assert "Nom de la collectivité" in unescape(form.text)
    assert "SIREN" in form.text


def test_an_authority_agent_finds_her_authority_from_the_home_page(client, db):
    city = AuthorityFactory(name="Ville de Vénissieux", verified=True)
    hugo = UserFactory(email="hugo@ville.example")
    MembershipFactory(organization=city, user=hugo, role="admin")
    page = client.get(reverse("core:home"))
    link = unescape(
        re.search(r'href="([^"]*)">Déjà inscrit·e : retrouver ma collectivité', page.text).group(1)
    )
    assert client.get(link).status_code == 200  # the login form

    client.force_login(hugo)
    target = link.split("next=", 1)[1]
    assert target == reverse("organizations:mine")
    assert "Ville de Vénissieux" in client.get(target, follow=True).text
