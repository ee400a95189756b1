"""The home page of a visitor: what each kind of person can do today, and where to start."""

import re
from html import unescape

from django.urls import reverse

from accounts.models import User
from organizations.models import Organization


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
