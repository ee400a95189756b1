"""One conversation per person and mission, named after both; an empty inbox that is true."""

from django.urls import reverse

from engagements.models import Application
from messaging import services
from messaging.models import Thread

from .factories import ApplicationFactory


def accept(application) -> None:
    application.status = Application.Status.ACCEPTED
    application.save(update_fields=["status"])


def test_ecrire_a_lea_and_the_team_link_open_the_same_conversation(
    client, martine, lea, application, mission
):
    accept(application)
    client.force_login(martine)

    to_lea = client.get(reverse("messaging:for_application", args=[application.pk])).url
    team = client.get(reverse("messaging:for_mission", args=[mission.pk])).url

    assert to_lea == team
    assert Thread.objects.filter(mission=mission).count() == 1
    client.force_login(lea)
    assert client.get(reverse("messaging:for_mission", args=[mission.pk])).url == to_lea


def test_the_team_conversation_opens_once_the_team_has_several_volunteers(
    client, martine, lea, karim, application, mission
):
    accept(application)
    ApplicationFactory(mission=mission, volunteer=karim, status=Application.Status.ACCEPTED)
    client.force_login(martine)

    team = client.get(reverse("messaging:for_mission", args=[mission.pk])).url
    to_lea = client.get(reverse("messaging:for_application", args=[application.pk])).url

    assert team == reverse("messaging:thread", args=[services.team_thread(mission).pk])
    assert team != to_lea
    page = client.get(team)
    assert "Toute l’équipe — Affiche de la fête du jardin" in page.text


def test_each_side_sees_the_conversation_named_after_the_other_and_the_mission(
    client, martine, lea, application_thread
):
    client.force_login(martine)
    inbox = client.get(reverse("messaging:inbox")).text
    thread = client.get(reverse("messaging:thread", args=[application_thread.pk])).text
    assert "Léa Martin — Affiche de la fête du jardin" in inbox
    assert "<h1>Léa Martin — Affiche de la fête du jardin</h1>" in thread

    client.force_login(lea)
    inbox = client.get(reverse("messaging:inbox")).text
    assert "Les Jardins Partagés de Belleville — Affiche de la fête du jardin" in inbox


def test_an_empty_inbox_does_not_claim_an_application_opens_a_conversation(
    client, martine, lea, application
):
    client.force_login(martine)
    page = client.get(reverse("messaging:inbox")).text

    assert "quand une personne la propose à votre association" not in page
    assert "ouvrez sa candidature et choisissez « Écrire à… »" in page
    assert reverse("missions:mine") in page
    assert "Écrire à l’association" not in page

    client.force_login(lea)
    page = client.get(reverse("messaging:inbox")).text
    assert "ouvrez votre candidature et choisissez « Écrire à l’association »" in page
    assert reverse("engagements:mine") in page
