from accounts.services import user_delete, user_personal_data
from engagements.models import Application

from .factories import AgreementFactory, ApplicationFactory


def test_the_export_holds_the_applications_and_agreements(mission, lea):
    AgreementFactory(application__mission=mission, application__volunteer=lea)

    data = user_personal_data(user=lea)["engagements"]

    assert data[0]["mission"] == "Un logo pour la fête des jardins"
    assert data[0]["message"] == "Bonjour, je serais ravie de vous aider."
    assert data[0]["agreement"]["hours"] == 15


def test_deleting_the_account_removes_the_words_and_takes_back_what_was_waiting(
    mission, lea, martine
):
    pending = ApplicationFactory(mission=mission, volunteer=lea)
    done = AgreementFactory(application__volunteer=lea).application

    user_delete(user=lea)

    pending.refresh_from_db()
    done.refresh_from_db()
    assert pending.status == Application.Status.WITHDRAWN
    assert done.status == Application.Status.ACCEPTED  # the association keeps its history
    assert pending.message == done.message == ""
