"""Her answers in her GDPR export; once her account is deleted, the answer stays the
association's, without her name."""

import pytest
from django.utils import timezone

from accounts.services import user_delete, user_personal_data
from impact.models import AdoptionCheck

from .factories import asked, mission_in

pytestmark = pytest.mark.django_db


def test_her_answers_are_exported_then_kept_without_her(association, martine):
    mission = mission_in(association, template="event-poster")
    check = asked(mission, day=90, at=timezone.now(), answer="partly", answered_by=martine)
    exported = user_personal_data(user=martine)["impact"]["adoption_answers"]
    assert [(a["mission"], a["day"], a["answer"]) for a in exported] == [
        (mission.title, 90, "partly")
    ]
    user_delete(user=martine)
    check.refresh_from_db()
    assert (check.answer, check.answered_by) == ("partly", None)
    assert AdoptionCheck.objects.get(pk=check.pk).is_answered
