"""The home page's promise to companies, and its two entries: register a company, or find
one's company again."""

import re
from html import unescape

from django.urls import reverse

from accounts.models import User
from organizations.models import Organization


def test_a_company_manager_finds_her_entry_and_lands_on_the_company_form(
    client, commit, db, last_link
):
    page = client.get(reverse("core:home")).text
    assert "Vous êtes une entreprise engagée" in page
    # What the page promises is what exists: approval in one click, the yearly statements.
    assert "vous approuvez le temps en un clic" in page
    assert "un relevé par association (PDF et tableur)" in page
    link = unescape(re.search(r'href="([^"]*)">Inscrire mon entreprise', page).group(1))

    commit(
        client.post,
        link,
        {
            "full_name": "Sandrine Roux",
            "email": "sandrine@imprimerie.example",
            "password": "un mot de passe solide",
            "intent": "other",
        },
    )
    response = client.get(last_link("sandrine@imprimerie.example"))

    assert User.objects.get(email="sandrine@imprimerie.example").intent == "other"
    assert response["Location"] == (
        f"{reverse('organizations:create')}?kind={Organization.Kind.COMPANY}"
    )
    assert "Numéro SIREN de l’entreprise" in client.get(response["Location"]).text


def test_an_employee_with_an_account_finds_her_company_from_the_home_page(client, julie):
    page = client.get(reverse("core:home")).text
    link = unescape(
        re.search(r'href="([^"]*)">Déjà inscrit·e : retrouver mon entreprise', page).group(1)
    )

    response = client.post(
        link, {"email": "julie@imprimerie-martin.fr", "password": "un mot de passe solide"}
    )

    assert response["Location"] == reverse("companies:mine")
