"""A mediator acts for an association that gave its written consent: everything she does is
marked in the journal and shown to the association; revoked or expired, she has no access."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from missions.models import Mission, Status
from territories.models import Consent


def _wizard(mission) -> str:
    return reverse("missions:wizard", args=[mission.pk, 1])


def test_with_consent_she_creates_and_edits_the_associations_mission(client, scene):
    nora, garden = scene["users"]["nora"], scene["garden"]
    client.force_login(nora)
    page = client.get(reverse("missions:new"))
    assert garden.name in page.content.decode() or page.status_code == 200
    response = client.post(
        reverse("missions:new") + f"?organization={garden.slug}",
        {"organization": garden.pk, "template": ""},
    )
    assert response.status_code == 302
    mission = Mission.objects.filter(organization=garden, created_by=nora).get()
    event = AuditEvent.objects.get(verb="mission.created", object_id=mission.pk)
    assert event.data == {"on_behalf": garden.pk, "consent": scene["consent"].pk}
    assert client.get(_wizard(scene["draft"])).status_code == 200
    assert client.get(reverse("missions:mine")).status_code == 200
    assert scene["draft"].title in client.get(reverse("missions:mine")).content.decode()


def test_what_she_did_is_shown_to_the_association(client, scene):
    nora, garden = scene["users"]["nora"], scene["garden"]
    client.force_login(nora)
    # She takes the mission waiting for moderation back to the drafts, for the association.
    url = reverse("missions:transition", args=[scene["submitted"].pk])
    assert client.post(url, {"target": "draft"}).status_code == 302
    scene["submitted"].refresh_from_db()
    assert scene["submitted"].status == Status.DRAFT
    client.force_login(scene["users"]["odette"])
    page = client.get(reverse("territories:done_for", args=[garden.slug])).content.decode()
    assert "Mission remise en brouillon" in page
    assert "Nora Aidante" in page
    assert f"accord n°{scene['consent'].pk}" in page


def test_without_consent_a_mediator_has_no_access(client, scene):
    client.force_login(scene["users"]["sami"])
    assert client.get(_wizard(scene["draft"])).status_code == 404
    response = client.post(
        reverse("missions:new"), {"organization": scene["garden"].pk, "template": ""}
    )
    assert not Mission.objects.filter(created_by=scene["users"]["sami"]).exists()
    assert response.status_code in (200, 302)


def test_after_revocation_no_access_at_all(client, scene):
    odette, nora = scene["users"]["odette"], scene["users"]["nora"]
    client.force_login(odette)
    response = client.post(reverse("territories:consent_revoke", args=[scene["consent"].pk]))
    assert response.status_code == 302
    consent = Consent.objects.get(pk=scene["consent"].pk)
    assert consent.state == Consent.State.REVOKED
    assert AuditEvent.objects.filter(verb="consent.revoked").exists()
    client.force_login(nora)
    assert client.get(_wizard(scene["draft"])).status_code == 404
    assert scene["draft"].title not in client.get(reverse("missions:mine")).content.decode()
    url = reverse("missions:transition", args=[scene["submitted"].pk])
    assert client.post(url, {"target": "draft"}).status_code == 404
    assert scene["garden"].name not in client.get(reverse("territories:helping")).content.decode()


def test_after_its_end_date_no_access_at_all(client, scene):
    Consent.objects.filter(pk=scene["consent"].pk).update(
        until=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(scene["users"]["nora"])
    assert client.get(_wizard(scene["draft"])).status_code == 404


def test_only_the_associations_admins_revoke(client, scene):
    for who in ("nora", "sami", "hugo"):
        client.force_login(scene["users"][who])
        url = reverse("territories:consent_revoke", args=[scene["consent"].pk])
        assert client.post(url).status_code in (403, 404)
    assert Consent.objects.get(pk=scene["consent"].pk).revoked_at is None


def test_an_admin_gives_a_consent_to_a_mediator_of_her_territory(client, scene):
    odette = scene["users"]["odette"]
    client.force_login(odette)
    url = reverse("territories:help", args=[scene["garden"].slug])
    page = client.get(url).content.decode()
    assert "Sami Conseiller" in page
    sami_mediator = scene["venissieux"].territory.pk
    from territories.models import Mediator

    sami_mediator = Mediator.objects.get(user=scene["users"]["sami"])
    until = timezone.localdate() + timedelta(days=30)
    response = client.post(
        url,
        {"mediator": sami_mediator.pk, "purpose": "Notre site", "until": until.isoformat()},
    )
    assert response.status_code == 200  # the box is not ticked
    assert "Sami" in response.content.decode()
    response = client.post(
        url,
        {
            "mediator": sami_mediator.pk,
            "purpose": "Notre site",
            "until": until.isoformat(),
            "agree": "on",
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(mediator=sami_mediator)
    assert consent.given_by == odette and consent.until == until
    client.force_login(scene["users"]["sami"])
    assert client.get(_wizard(scene["draft"])).status_code == 200


def test_the_helping_page_lists_the_associations_she_may_act_for(client, scene):
    client.force_login(scene["users"]["nora"])
    page = client.get(reverse("territories:helping")).content.decode()
    assert scene["garden"].name in page
    client.force_login(scene["users"]["odette"])
    assert client.get(reverse("territories:helping")).status_code == 403


def test_she_answers_applications_for_the_association_marked_in_its_name(client, scene):
    from engagements.models import Application
    from engagements.tests.factories import ApplicationFactory
    from missions.models import Status as MissionStatus
    from missions.tests.factories import MissionFactory
    from volunteers.tests.factories import VolunteerProfileFactory

    garden = scene["garden"]
    mission = MissionFactory(organization=garden, status=MissionStatus.OPEN, team_size=2)
    profile = VolunteerProfileFactory()
    application = ApplicationFactory(mission=mission, volunteer=profile.user)
    client.force_login(scene["users"]["nora"])
    assert client.get(reverse("engagements:applicants", args=[mission.pk])).status_code == 200
    url = reverse("engagements:answer", args=[application.pk, "accept"])
    assert client.post(url).status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    event = AuditEvent.objects.get(verb="application.accepted")
    assert event.data["on_behalf"] == garden.pk
    assert event.data["consent"] == scene["consent"].pk
    # Sami, without consent, may not even see the applicants.
    client.force_login(scene["users"]["sami"])
    assert client.get(reverse("engagements:applicants", args=[mission.pk])).status_code in (
        403,
        404,
    )


def test_the_done_for_you_page_costs_the_same_however_much_was_done(
    client, scene, django_assert_max_num_queries
):
    import audit

    garden, nora = scene["garden"], scene["users"]["nora"]
    client.force_login(scene["users"]["odette"])
    url = reverse("territories:done_for", args=[garden.slug])
    client.get(url)
    for _ in range(5):
        audit.log(actor=nora, verb="mission.created", target=scene["draft"])
    assert AuditEvent.objects.filter(data__on_behalf=garden.pk).count() >= 5
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert page.content.decode().count("Mission créée") >= 5


def test_staff_read_on_whose_behalf_and_in_which_territory_in_the_journal(client, scene, staff):
    client.force_login(scene["users"]["marc"])
    client.post(
        reverse("moderation:organization", args=[scene["garden"].slug]), {"decision": "verify"}
    )
    client.force_login(scene["users"]["nora"])
    client.post(reverse("missions:new"), {"organization": scene["garden"].pk, "template": ""})
    client.force_login(staff)
    page = client.get(reverse("audit:journal")).content.decode()
    assert "Département du Rhône" in page  # the territory, named
    assert "Pour le compte de" in page and "Jardins des Minguettes" in page


def test_the_mediator_is_told_when_a_consent_is_given_and_when_it_is_taken_back(client, scene):
    from notifications.models import Notification

    nora = scene["users"]["nora"]
    assert Notification.objects.filter(user=nora, kind="consent_given").exists()
    client.force_login(scene["users"]["odette"])
    client.post(reverse("territories:consent_revoke", args=[scene["consent"].pk]))
    assert Notification.objects.filter(user=nora, kind="consent_revoked").exists()


def test_the_help_page_costs_the_same_however_many_consents(
    client, scene, django_assert_max_num_queries
):
    from territories import services
    from territories.models import Mediator

    odette, garden = scene["users"]["odette"], scene["garden"]
    sami = Mediator.objects.get(user=scene["users"]["sami"])
    for _ in range(4):
        services.consent_give(
            association=garden,
            mediator=sami,
            by=odette,
            purpose="Notre site",
            until=timezone.localdate() + timedelta(days=10),
        )
    client.force_login(odette)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("territories:help", args=[garden.slug]))
    assert page.content.decode().count("Retirer l’accord") == 5


def test_the_authority_sees_how_many_associations_each_mediator_helps(client, scene):
    client.force_login(scene["users"]["hugo"])
    page = client.get(reverse("territories:mediators", args=[scene["venissieux"].slug]))
    content = page.content.decode()
    assert "aide 1 association" in content  # Nora
    assert "aide 0 association" in content  # Sami


def test_the_done_for_you_page_writes_its_dates_in_the_readers_language(client, scene):
    garden, odette = scene["garden"], scene["users"]["odette"]
    client.force_login(scene["users"]["nora"])
    url = reverse("missions:transition", args=[scene["submitted"].pk])
    assert client.post(url, {"target": "draft"}).status_code == 302
    client.force_login(odette)
    page = reverse("territories:done_for", args=[garden.slug])

    french = client.get(page).content.decode()
    assert re.search(r"le \d{1,2} \w+ \d{4} à \d{2}:\d{2}, par Nora Aidante", french)

    odette.language = "en"
    odette.save(update_fields=["language"])
    english = client.get(page).content.decode()
    assert re.search(r"on \d{1,2} \w+ \d{4} at \d{2}:\d{2}, by Nora Aidante", english)
    assert " à " not in english.split("<main", 1)[1].split("</main>")[0]
