from accounts.services import user_delete, user_personal_data
from moderation.models import Report
from moderation.tests.factories import ReportFactory


def test_the_export_holds_the_reports_the_person_made_only(lea, bruno):
    ReportFactory(reporter=lea, details="35 heures par semaine.")
    ReportFactory(reporter=bruno, mission=None, profile_user=lea, details="Pas gentille.")

    data = user_personal_data(user=lea)["moderation"]

    assert [r["details"] for r in data] == ["35 heures par semaine."]


def test_deleting_the_account_keeps_the_reports_without_their_author(lea):
    report = ReportFactory(reporter=lea)

    user_delete(user=lea)

    report.refresh_from_db()
    assert report.reporter is None
    assert Report.objects.count() == 1
