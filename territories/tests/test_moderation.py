"""A territorial moderator verifies the associations and approves the missions of her
territory only; national staff keep the whole view."""

from django.urls import reverse

from audit.models import AuditEvent
from missions.models import Status
from missions.tests.factories import MissionFactory
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory
from territories import services
from territories.tests.factories import AuthorityFactory


def test_her_queue_holds_her_territory_only(client, scene, association):
    paris_mission = MissionFactory(organization=association, status=Status.SUBMITTED)
    client.force_login(scene["users"]["marc"])
    response = client.get(reverse("moderation:queue"))
    content = response.content.decode()
    assert response.status_code == 200
    assert scene["garden"].name in content
    assert scene["submitted"].title in content
    assert association.name not in content
    assert paris_mission.title not in content
    assert "signalement" not in content.lower()


def test_she_verifies_an_association_of_her_territory_and_the_journal_names_it(client, scene):
    client.force_login(scene["users"]["marc"])
    url = reverse("moderation:organization", args=[scene["garden"].slug])
    response = client.post(url, {"decision": "verify", "note": ""})
    assert response.status_code == 302
    scene["garden"].refresh_from_db()
    assert scene["garden"].is_verified
    event = AuditEvent.objects.get(verb="organization.verified")
    assert event.actor == scene["users"]["marc"]
    assert event.data["territory"] == scene["rhone"].territory.pk
    # Verifying published the mission waiting, also recorded in her territory.
    opened = AuditEvent.objects.get(verb="mission.open")
    assert opened.data["territory"] == scene["rhone"].territory.pk


def test_she_approves_a_mission_of_her_territory(client, scene):
    client.force_login(scene["users"]["marc"])
    url = reverse("moderation:mission", args=[scene["submitted"].pk])
    assert client.post(url, {"decision": "approve"}).status_code == 302
    scene["submitted"].refresh_from_db()
    assert scene["submitted"].status == Status.OPEN


def test_outside_her_territory_she_gets_nothing(client, scene, association):
    paris_mission = MissionFactory(organization=association, status=Status.SUBMITTED)
    client.force_login(scene["users"]["marc"])
    org_url = reverse("moderation:organization", args=[association.slug])
    assert client.get(org_url).status_code == 404
    assert client.post(org_url, {"decision": "verify"}).status_code == 404
    mission_url = reverse("moderation:mission", args=[paris_mission.pk])
    assert client.post(mission_url, {"decision": "approve"}).status_code == 404
    association.refresh_from_db()
    paris_mission.refresh_from_db()
    assert association.is_verified  # as it was: her decision never reached it
    assert paris_mission.status == Status.SUBMITTED


def test_local_authorities_are_verified_by_national_staff_only(client, scene):
    other = AuthorityFactory(name="Ville de Lyon")
    client.force_login(scene["users"]["marc"])
    assert client.get(reverse("moderation:organization", args=[other.slug])).status_code == 404
    assert (
        client.get(reverse("moderation:organization", args=[scene["rhone"].slug])).status_code
        == 404
    )


def test_staff_keep_the_whole_view(client, scene, staff):
    association = AssociationFactory(name="Club de Paris")
    client.force_login(staff)
    content = client.get(reverse("moderation:queue")).content.decode()
    assert scene["garden"].name in content and association.name in content
    client.post(
        reverse("moderation:organization", args=[scene["garden"].slug]), {"decision": "verify"}
    )
    assert "territory" not in AuditEvent.objects.get(verb="organization.verified").data


def test_an_ended_appointment_or_an_unverified_authority_gives_no_power(client, scene, staff):
    marc = scene["users"]["marc"]
    client.force_login(marc)
    assert client.get(reverse("moderation:queue")).status_code == 200
    Organization.objects.filter(pk=scene["rhone"].pk).update(
        verification=Organization.Verification.PENDING
    )
    assert client.get(reverse("moderation:queue")).status_code == 403
    Organization.objects.filter(pk=scene["rhone"].pk).update(
        verification=Organization.Verification.VERIFIED
    )
    from territories.models import TerritorialModerator

    services.moderator_end(
        moderator=TerritorialModerator.objects.get(user=marc), by=scene["users"]["claire"]
    )
    assert client.get(reverse("moderation:queue")).status_code == 403


def test_a_commune_territory_holds_its_associations_only(client, scene):
    # Hugo's city moderates nobody yet; appointed, he sees Vénissieux, not Lyon.
    lyon_club = AssociationFactory(
        name="Club de Lyon", commune_id="69123", departement_code="69", region_code="84"
    )
    hugo = scene["users"]["hugo"]
    services.moderator_appoint(territory=scene["venissieux"].territory, user=hugo, by=hugo)
    client.force_login(hugo)
    content = client.get(reverse("moderation:queue")).content.decode()
    assert scene["garden"].name in content
    assert lyon_club.name not in content
