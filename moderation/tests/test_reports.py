"""Reporting abuse, and what the moderators do with a report."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.tests.factories import PASSWORD, UserFactory
from missions.models import MissionEvent, Status
from moderation.models import Report
from moderation.tests.factories import MissionFactory, ReportFactory
from notifications.models import Notification


def report_url(**params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{reverse('moderation:report')}?{query}"


@pytest.fixture
def mission(association, martine):
    return MissionFactory(organization=association, status=Status.OPEN, created_by=martine)


# --- Reporting -----------------------------------------------------------------------------
def test_the_form_names_what_is_reported_and_offers_every_reason(client, lea, mission):
    client.force_login(lea)

    response = client.get(report_url(mission=mission.pk))

    assert response.status_code == 200
    assert f"Vous signalez la mission « {mission.title} »" in response.text
    for label in Report.Reason.labels:
        assert str(label) in response.text


def test_a_report_on_a_mission_is_recorded_and_the_team_is_told(
    client, commit, lea, staff, mission
):
    client.force_login(lea)

    response = commit(
        client.post,
        report_url(mission=mission.pk, next="/missions/"),
        {"reason": "not_pro_bono", "details": "35 heures par semaine demandées."},
    )

    assert response.status_code == 302
    assert response.url == "/missions/"
    report = Report.objects.get()
    assert (report.reporter, report.mission, report.reason) == (lea, mission, "not_pro_bono")
    assert report.resolved_at is None
    assert "Merci de votre signalement" in client.get(response.url, follow=True).text
    (message,) = mail.outbox
    assert message.to == [staff.email]
    assert "35 heures par semaine demandées." in message.body
    assert f"/moderation/reports/{report.pk}/" in message.body


def test_organisations_and_profiles_can_be_reported_too(client, lea, bruno, association):
    client.force_login(lea)

    client.post(report_url(organization=association.slug), {"reason": "spam"})
    client.post(report_url(profile=bruno.pk), {"reason": "behaviour"})

    assert Report.objects.filter(organization=association, reporter=lea).exists()
    assert Report.objects.filter(profile_user=bruno, reporter=lea).exists()


def test_a_reason_must_be_chosen(client, lea, mission):
    client.force_login(lea)

    response = client.post(report_url(mission=mission.pk), {"details": "Bizarre."})

    assert response.status_code == 200
    assert "Bizarre." in response.text  # what was typed is kept
    assert not Report.objects.exists()


def test_only_visible_things_can_be_reported(client, lea, association):
    draft = MissionFactory(organization=association, status=Status.DRAFT)
    client.force_login(lea)

    assert client.get(report_url(mission=draft.pk)).status_code == 404
    assert client.get(report_url(organization="nowhere")).status_code == 404
    assert client.get(reverse("moderation:report")).status_code == 404
    assert client.get(report_url(profile=lea.pk)).status_code == 403  # oneself


def test_the_same_person_cannot_report_the_same_thing_twice_while_it_is_open(client, lea, mission):
    client.force_login(lea)
    client.post(report_url(mission=mission.pk), {"reason": "spam"})

    page = client.get(report_url(mission=mission.pk))
    client.post(report_url(mission=mission.pk), {"reason": "other"})

    assert "Vous l’avez déjà signalé" in page.text
    assert Report.objects.count() == 1


def test_once_handled_the_same_thing_can_be_reported_again(client, lea, staff, mission):
    ReportFactory(reporter=lea, mission=mission, resolved_at="2025-01-01T00:00Z")
    client.force_login(lea)

    client.post(report_url(mission=mission.pk), {"reason": "spam"})

    assert Report.objects.filter(resolved_at__isnull=True).count() == 1


def test_someone_else_may_report_what_lea_reported(client, lea, bruno, mission):
    ReportFactory(reporter=lea, mission=mission)
    client.force_login(bruno)

    client.post(report_url(mission=mission.pk), {"reason": "spam"})

    assert Report.objects.count() == 2


def test_reports_are_limited_to_ten_an_hour(client, lea, db):
    missions = MissionFactory.create_batch(11, status=Status.OPEN)
    client.force_login(lea)

    for mission in missions[:10]:
        assert client.post(report_url(mission=mission.pk), {"reason": "spam"}).status_code == 302
    response = client.post(report_url(mission=missions[10].pk), {"reason": "spam"})

    assert response.status_code == 429
    assert "Patientez une heure" in response.text
    assert Report.objects.count() == 10


def test_the_report_url_tag_links_back_to_the_page(rf, mission):
    from django.template import Context, Template

    request = rf.get("/missions/12/")
    html = Template("{% load moderation %}{% report_url mission=mission %}").render(
        Context({"request": request, "mission": mission})
    )

    assert html == f"/moderation/report/?mission={mission.pk}&amp;next=%2Fmissions%2F12%2F"


# --- Handling ------------------------------------------------------------------------------
def handle(client, commit, report, **data):
    return commit(client.post, reverse("moderation:report_detail", args=[report.pk]), data)


def test_the_report_page_shows_the_target_the_reason_and_the_reporter(client, staff, lea, mission):
    report = ReportFactory(reporter=lea, mission=mission, details="Travail non payé.")
    client.force_login(staff)

    response = client.get(reverse("moderation:report_detail", args=[report.pk]))

    assert reverse("moderation:mission", args=[mission.pk]) in response.text
    assert "Travail non payé." in response.text
    assert lea.full_name in response.text
    assert "Annuler la mission" in response.text
    assert "Suspendre le compte de Martine Lefèvre" in response.text


def test_resolving_needs_a_note_and_records_who_and_when(client, commit, staff, mission):
    report = ReportFactory(mission=mission)
    client.force_login(staff)

    refused = handle(client, commit, report, action="resolve", **{"resolve-resolution": ""})
    done = handle(
        client, commit, report, action="resolve", **{"resolve-resolution": "Mission conforme."}
    )

    assert refused.status_code == 200
    assert done.url == reverse("moderation:queue")
    report.refresh_from_db()
    assert report.resolved_by == staff
    assert report.resolved_at is not None
    assert report.resolution.startswith("Mission conforme. (par Nadia Morel, le ")
    mission.refresh_from_db()
    assert mission.status == Status.OPEN


def test_a_handled_report_cannot_be_handled_again(client, commit, staff, mission):
    report = ReportFactory(mission=mission)
    client.force_login(staff)
    handle(client, commit, report, action="resolve", **{"resolve-resolution": "Conforme."})

    handle(client, commit, report, action="cancel_mission", **{"cancel-reason": "Finalement"})

    mission.refresh_from_db()
    assert mission.status == Status.OPEN


def test_cancelling_the_mission_tells_the_association_and_closes_the_report(
    client, commit, staff, martine, mission
):
    report = ReportFactory(mission=mission)
    client.force_login(staff)
    reason = "Travail déguisé : 35 heures par semaine."

    handle(client, commit, report, action="cancel_mission", **{"cancel-reason": reason})

    mission.refresh_from_db()
    assert mission.status == Status.CANCELLED
    event = MissionEvent.objects.get(mission=mission)
    assert (event.to_status, event.by, event.reason) == ("cancelled", staff, reason)
    report.refresh_from_db()
    assert report.resolved_by == staff
    assert reason in report.resolution
    (message,) = mail.outbox
    assert message.to == [martine.email]
    assert reason in message.body


def test_cancelling_needs_a_reason(client, commit, staff, mission):
    report = ReportFactory(mission=mission)
    client.force_login(staff)

    response = handle(client, commit, report, action="cancel_mission", **{"cancel-reason": ""})

    assert response.status_code == 200
    mission.refresh_from_db()
    assert mission.status == Status.OPEN


def test_suspending_an_account_stops_its_login_and_is_recorded(client, commit, staff, bruno):
    report = ReportFactory(mission=None, profile_user=bruno)
    client.force_login(staff)

    handle(client, commit, report, action="suspend", **{"suspend-reason": "Insultes répétées."})

    bruno.refresh_from_db()
    assert bruno.is_active is False
    report.refresh_from_db()
    assert report.resolved_by == staff
    assert "Compte de Bruno Petit suspendu : Insultes répétées." in report.resolution
    assert "Nadia Morel" in report.resolution

    client.logout()
    response = client.post(reverse("accounts:login"), {"email": bruno.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_a_suspended_person_already_logged_in_is_logged_out(client, staff, bruno):
    report = ReportFactory(mission=None, profile_user=bruno)
    bruno_client = type(client)()
    bruno_client.force_login(bruno)
    client.force_login(staff)

    client.post(
        reverse("moderation:report_detail", args=[report.pk]),
        {"action": "suspend", "suspend-reason": "Arnaque."},
    )

    response = bruno_client.get(reverse("accounts:account"))
    assert response.status_code == 302


def test_staff_accounts_cannot_be_suspended_from_a_report(client, commit, staff):
    colleague = UserFactory(is_staff=True)
    report = ReportFactory(mission=None, profile_user=colleague)
    client.force_login(staff)

    page = client.get(reverse("moderation:report_detail", args=[report.pk]))
    handle(client, commit, report, action="suspend", **{"suspend-reason": "Essai"})

    assert "Suspendre le compte" not in page.text
    colleague.refresh_from_db()
    assert colleague.is_active is True
    assert Report.objects.get().resolved_at is None


def test_the_team_is_notified_in_the_app_too(client, commit, lea, staff, mission):
    client.force_login(lea)

    commit(client.post, report_url(mission=mission.pk), {"reason": "spam"})

    notification = Notification.objects.get(user=staff)
    assert notification.kind == "report_received"
    assert mission.title in notification.title


def test_the_record_of_a_suspension_elides_de_before_a_vowel(client, commit, staff):
    ines = UserFactory(full_name="Inès Moreau")
    report = ReportFactory(mission=None, profile_user=ines)
    client.force_login(staff)

    handle(client, commit, report, action="suspend", **{"suspend-reason": "Faux profil."})

    report.refresh_from_db()
    assert "Compte d’Inès Moreau suspendu : Faux profil." in report.resolution
