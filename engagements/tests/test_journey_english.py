"""The English run of the journey: an association admin and a student who chose English go
from the mission's publication to the attestation, and nothing they read about it — the
notifications, the mission's history, their pages, the e-mails — is left in French.

The same steps as the browser journey (engagements/tests/test_journey.py), through the real
views with Django's test client, so it runs in seconds. The content they write is English,
so any French found comes from the interface.
"""

import pytest
from django.core import mail
from django.urls import reverse

from completion.tests.factories import png_upload
from core.tests.test_english import french_left, main_text, place_names
from credentials.models import Credential
from credentials.services import issue_if_ready
from engagements.models import Application
from messaging import services as messaging
from missions.models import Status
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory

ENGLISH = {
    "title": "Logo for the garden party",
    "need": "We would like a simple logo for our garden party.",
    "deliverables": "A colour logo\nA black and white version",
}


@pytest.fixture
def english_cast(martine, lea, staff, association):
    for person in (martine, lea):
        person.language = "en"
        person.save(update_fields=["language"])
    association.description = "A community garden with workshops for children."
    association.save(update_fields=["description"])
    VolunteerProfileFactory(
        user=lea, school_name="Design School", programme="Graphic design", bio="I draw."
    )
    return martine, lea


def post(client, user, url, data=None, **extra):
    """`user` posts `data` to `url` in English, after-commit work (e-mails) run."""
    client.force_login(user)
    client.cookies["django_language"] = "en"
    response = client.post(url, data or {}, **extra)
    assert response.status_code in (200, 302), (url, response.status_code)
    if response.status_code == 200:  # a form sent back: say which field was refused
        assert "errorlist" not in response.text, (url, main_text(response.text))
    return response


def test_the_english_journey_leaves_no_french_in_what_they_read(
    client, english_cast, staff, association, commit, settings, tmp_path
):
    from credentials.keys import generate_key_file

    settings.CREDENTIALS_KEY_FILE = tmp_path / "keys" / "credentials-ed25519.pem"
    generate_key_file(settings.CREDENTIALS_KEY_FILE)
    martine, lea = english_cast

    def send(user, url, data=None, **extra):
        return commit(post, client, user, url, data, **extra)

    # The association's mission waits for review; a moderator publishes it.
    mission = MissionFactory(
        organization=association, created_by=martine, status=Status.SUBMITTED, **ENGLISH
    )
    send(staff, f"/moderation/missions/{mission.pk}/", {"decision": "approve"})
    mission.refresh_from_db()
    assert mission.status == Status.OPEN

    # The student offers her help; the association accepts; both confirm the agreement.
    send(lea, reverse("engagements:apply", args=[mission.pk]), {"message": "Hello, I can help."})
    application = Application.objects.get(mission=mission, volunteer=lea)
    send(martine, reverse("engagements:answer", args=[application.pk, "accept"]))
    agreement_url = reverse("engagements:agreement", args=[application.pk])
    send(martine, agreement_url)
    send(lea, agreement_url)
    application.refresh_from_db()
    assert application.agreement.is_confirmed

    # They exchange a message.
    thread = messaging.thread_for_application(application)
    thread_url = reverse("messaging:thread", args=[thread.pk])
    send(lea, thread_url, {"body": "Do you have favourite colours for the logo?"})
    send(martine, thread_url, {"body": "Leaf green and sunny yellow!"})

    # The association starts the mission; the student hands her work over with the hours.
    send(martine, reverse("missions:transition", args=[mission.pk]), {"target": "in_progress"})
    mission.refresh_from_db()
    assert mission.status == Status.IN_PROGRESS
    send(
        lea,
        reverse("completion:deliver", args=[application.pk]),
        {"files": png_upload(), "hours": "12", "note": "Here is the logo, green and yellow."},
    )
    mission.refresh_from_db()
    assert mission.status == Status.DELIVERED

    # The association confirms the end; both write their review; the attestation is issued.
    send(martine, reverse("completion:confirm", args=[application.pk]), {"hours": "12"})
    mission.refresh_from_db()
    assert mission.status == Status.COMPLETED
    review_url = reverse("completion:review", args=[application.pk])
    send(
        martine,
        review_url,
        {
            "quality": "5",
            "communication": "5",
            "deadlines": "4",
            "answer_done": "She drew the logo of our garden party.",
            "answer_how": "She listened and offered three ideas.",
            "answer_recommend": "Yes, for any graphic work.",
        },
    )
    send(
        lea,
        review_url,
        {"clarity": "5", "availability": "5", "respect": "5", "comment": "Thank you!"},
    )
    assert application.reviews.filter(published_at__isnull=False).count() == 2
    commit(issue_if_ready, application)
    assert Credential.objects.filter(application=application).exists()

    # What each of them reads about it, in English.
    data = [
        *ENGLISH.values(),
        *ENGLISH["deliverables"].splitlines(),
        *(part for person in (martine, lea, staff) for part in person.full_name.split()),
        martine.full_name,
        lea.full_name,
        staff.full_name,
        association.name,
        *place_names(),
    ]
    problems = []
    for person in (martine, lea):
        client.logout()
        client.cookies.pop("django_language", None)  # the account's language alone
        client.force_login(person)
        assert person.notifications.exists(), f"{person}: no notification"
        for what, url in [
            ("notifications", "/notifications/"),
            ("mission page", f"/missions/{mission.pk}/"),
            ("application page", f"/applications/{application.pk}/"),
            ("completion page", reverse("completion:detail", args=[application.pk])),
            ("dashboard", "/"),
        ]:
            response = client.get(url)
            if response.status_code != 200:
                problems.append(f"{person.first_name}, {what}: answered {response.status_code}")
                continue
            text = main_text(response.text)
            problems += [f"{person.first_name}, {what}: {f}" for f in french_left(text, data)]
        received = [message for message in mail.outbox if person.email in message.to]
        assert received, f"{person}: no e-mail"
        for message in received:
            for part, text in (("subject", message.subject), ("body", message.body)):
                links = [w for w in text.split() if w.startswith(("http://", "https://"))]
                found = french_left(text, data + links)
                problems += [f"{person.first_name}, e-mail {part}: {f}" for f in found]
    assert not problems, "French left in the English journey:\n" + "\n".join(problems)
