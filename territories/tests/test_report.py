"""The monthly report: on the first of the month, each agent of a verified authority gets an
e-mail with last month's headline numbers and the link to its PDF — once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from home.management.commands.cron import period_of
from organizations.models import Organization
from territories.period import Period
from territories.report import report_send, territory_reports_tick

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def cron(*args):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("cron", "--only", "territory-reports", *args, verbosity=0)

    return cron


def reports() -> list:
    return [m for m in mail.outbox if m.subject.startswith("Le rapport de")]


def test_the_monthly_job_runs_once_a_month_from_the_first_at_seven():
    paris = timezone.get_current_timezone()

    assert period_of("monthly", datetime.datetime(2026, 3, 1, 6, 30, tzinfo=paris)) == "2026-02"
    assert period_of("monthly", datetime.datetime(2026, 3, 1, 7, 30, tzinfo=paris)) == "2026-03"
    assert period_of("monthly", datetime.datetime(2026, 3, 31, 23, 0, tzinfo=paris)) == "2026-03"


def test_every_agent_of_a_verified_authority_gets_last_months_report_once(run, scene):
    run()
    run("--force")  # again in the same month: nothing more

    last_month = Period.last_month(timezone.localdate())
    sent = reports()
    assert sorted(address for m in sent for address in m.to) == sorted(
        ["claire@example.org", "marc@example.org"]
        + ["hugo@example.org", "nora@example.org", "sami@example.org"]
    )
    claire = next(m for m in sent if "claire@example.org" in m.to)
    assert claire.subject == (
        f"Le rapport de {last_month.label} du territoire de Département du Rhône"
    )
    assert "associations inscrites" in claire.body
    assert "odette@example.org" not in [a for m in sent for a in m.to]


def test_an_authority_not_verified_gets_no_report(commit, scene):
    Organization.objects.filter(pk=scene["venissieux"].pk).update(verification="pending")

    assert commit(territory_reports_tick.call) == 1

    assert {a for m in reports() for a in m.to} == {"claire@example.org", "marc@example.org"}


def test_the_link_opens_the_pdf_of_that_month_for_an_agent_only(client, commit, scene, last_link):
    commit(report_send, authority=scene["rhone"], period=Period.month(2026, 11))

    link = last_link("marc@example.org")
    path = reverse("territories:dashboard_pdf", args=[scene["rhone"].slug])
    assert path in link and "period=month" in link and "month=11" in link
    relative = link.split("testserver", 1)[-1] if "testserver" in link else link[link.index(path) :]
    client.force_login(scene["users"]["marc"])
    response = client.get(relative)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-2026-11.pdf"')
    client.force_login(scene["users"]["nora"])  # an agent of Vénissieux
    assert client.get(relative).status_code == 403


def test_the_report_speaks_the_agents_language(commit, scene):
    marc = scene["users"]["marc"]
    marc.language = "en"
    marc.save(update_fields=["language"])

    commit(report_send, authority=scene["rhone"], period=Period.month(2026, 11))

    (english,) = [m for m in mail.outbox if "marc@example.org" in m.to]
    assert english.subject == "The November 2026 report of the territory of Département du Rhône"
    assert "registered associations" in english.body
