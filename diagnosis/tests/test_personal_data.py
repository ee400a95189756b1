"""A diagnosis belongs to its association: the person who started it is only a link."""

import pytest
from django.apps import apps

from accounts.services import user_delete, user_personal_data
from diagnosis.models import Answer, Diagnosis, Dismissal

pytestmark = pytest.mark.usefixtures("loaded")


def test_the_export_lists_the_diagnoses_a_person_started(martine, yacine, association, done):
    data = user_personal_data(user=martine)["diagnosis"]

    assert data == [
        {
            "organization": association.name,
            "started_at": done.started_at.isoformat(),
            "completed_at": done.completed_at.isoformat(),
        }
    ]
    # Yacine, of the same association, started none: the answers are not about him.
    assert apps.get_app_config("diagnosis").personal_data(yacine) == []


def test_deleting_an_account_keeps_the_associations_diagnosis(martine, association, done):
    Dismissal.objects.create(organization=association, by=martine)
    answers = Answer.objects.filter(diagnosis=done).count()

    user_delete(user=martine)

    done.refresh_from_db()
    assert done.started_by is None
    assert Dismissal.objects.get().by is None
    assert Diagnosis.objects.get() == done
    assert Answer.objects.filter(diagnosis=done).count() == answers
