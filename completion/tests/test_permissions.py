"""Who may hand the work over, confirm it, review, and open the files."""

import pytest
from django.test import Client
from django.urls import reverse

from completion.models import Completion, Review
from core.tests.helpers import client_for, outcome
from engagements.models import Application
from engagements.tests.factories import ApplicationFactory

from .factories import png_upload

ROLES = ["anonymous", "lea", "karim", "bruno", "yacine", "staff"]


@pytest.fixture
def world(engagement, lea, karim, bruno, yacine, staff):
    client = Client()
    client.force_login(lea)
    client.post(
        reverse("completion:deliver", args=[engagement.pk]),
        {"files": [png_upload("logo.png")], "hours": "12"},
    )
    deliverable = Completion.objects.get().deliverables.get()
    return {
        "users": {
            "anonymous": None,
            "lea": lea,
            "karim": karim,
            "bruno": bruno,
            "yacine": yacine,
            "staff": staff,
        },
        "app": engagement.pk,
        "file": deliverable.pk,
    }


# address: what anonymous, lea, karim, bruno, yacine, staff get.
PAGES = {
    "/applications/{app}/delivery/": "login ok no no no no",
    "/applications/{app}/completion/": "login ok no no ok ok",
    # The review page sends back to the completion page until the end is confirmed.
    "/applications/{app}/review/": "login go no no go no",
    "/deliverables/{file}/": "login ok no no ok ok",
    "/deliverables/{file}/preview/": "login ok no no ok ok",
}


def test_every_page_answers_each_person_as_the_table_says(world):
    got = {}
    for template in PAGES:
        url = template.format(**world)
        row = [outcome(client_for(world["users"][role]).get(url)) for role in ROLES]
        got[template] = " ".join(row)
    assert got == PAGES


@pytest.mark.parametrize("role", ["anonymous", "lea", "karim", "bruno", "staff"])
def test_only_members_confirm_or_ask_for_changes(world, role):
    client = client_for(world["users"][role])

    confirm = client.post(f"/applications/{world['app']}/completion/confirm/", {"hours": "3"})
    changes = client.post(f"/applications/{world['app']}/completion/changes/", {"reason": "Non"})

    expected = "login" if role == "anonymous" else "no"
    assert outcome(confirm) == outcome(changes) == expected
    assert Completion.objects.get().status == Completion.Status.DELIVERED


@pytest.mark.parametrize("role", ["anonymous", "karim", "bruno", "yacine", "staff"])
def test_only_the_volunteer_delivers_or_removes(world, role):
    client = client_for(world["users"][role])

    deliver = client.post(f"/applications/{world['app']}/delivery/", {"note": "x", "hours": "1"})
    remove = client.post(f"/applications/{world['app']}/delivery/{world['file']}/remove/")

    expected = "login" if role == "anonymous" else "no"
    assert outcome(deliver) == outcome(remove) == expected
    assert Completion.objects.get().deliverables.count() == 1


@pytest.mark.parametrize("role", ["karim", "bruno", "staff"])
def test_outsiders_and_staff_do_not_review(world, role):
    Completion.objects.update(status=Completion.Status.COMPLETED)
    client = client_for(world["users"][role])

    response = client.post(
        f"/applications/{world['app']}/review/", {"clarity": 5, "availability": 5, "respect": 5}
    )

    assert outcome(response) == "no"
    assert not Review.objects.exists()


def test_an_application_that_never_became_an_engagement_has_no_end(client, mission, karim):
    pending = ApplicationFactory(
        mission=mission, volunteer=karim, status=Application.Status.PENDING
    )
    client.force_login(karim)

    assert client.get(f"/applications/{pending.pk}/delivery/").status_code == 404
    assert client.get(f"/applications/{pending.pk}/completion/").status_code == 404


def test_a_completed_engagement_takes_no_more_deliveries_nor_removals(world, lea):
    Completion.objects.update(status=Completion.Status.COMPLETED)
    client = client_for(lea)

    response = client.post(
        f"/applications/{world['app']}/delivery/{world['file']}/remove/", follow=True
    )

    assert "le travail remis reste" in response.text
    assert Completion.objects.get().deliverables.count() == 1
    response = client.get(f"/applications/{world['app']}/delivery/")
    assert "L’association a déjà confirmé la fin" in response.text
