"""Each person chooses, per kind of event, e-mails at once, in a summary, or none."""

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import Frequency, Notification, Preference
from notifications.services import notify, send_digests

CONTEXT = {
    "author": "Martine Lefèvre",
    "mission": "Affiche de la fête du jardin",
    "excerpt": "Bonjour Léa !",
    "attachments": 0,
}


def tell_lea(lea, commit):
    return commit(notify, users=[lea], kind="message_received", context=CONTEXT, url="/messages/1/")


def test_the_page_asks_one_plain_question_per_category(client, lea):
    client.force_login(lea)

    text = client.get(reverse("notifications:preferences")).text

    for label in ("Candidatures et invitations", "Messages", "Missions", "Votre association"):
        assert label in text
    assert "Par exemple : quelqu’un vous a écrit au sujet d’une mission." in text
    assert "un résumé par jour" in text
    assert "Modération" not in text  # only the A-lasso team receives those


def test_the_team_sees_the_moderation_category(client, staff):
    client.force_login(staff)

    assert "Modération" in client.get(reverse("notifications:preferences")).text


def test_choices_are_saved_and_shown_again(client, lea):
    client.force_login(lea)
    data = {
        "applications": "immediate",
        "agreements": "immediate",
        "messages": "daily",
        "missions": "weekly",
        "organizations": "off",
        "suggestions": "off",
        "quickhelp": "daily",
    }

    response = client.post(reverse("notifications:preferences"), data, follow=True)

    assert "Vos choix sont enregistrés." in response.text
    saved = dict(Preference.objects.filter(user=lea).values_list("category", "frequency"))
    assert saved == data
    assert response.context["form"]["messages"].value() == "daily"


def test_a_wrong_value_is_refused_with_a_message(client, lea):
    client.force_login(lea)

    response = client.post(reverse("notifications:preferences"), {"messages": "hourly"})

    assert response.status_code == 200
    assert "alert-error" in response.text
    assert not Preference.objects.exists()


def test_immediate_sends_an_email_at_once(commit, lea):
    tell_lea(lea, commit)

    assert [m.to for m in mail.outbox] == [["lea@example.org"]]
    assert Notification.objects.get().emailed_at is not None


def test_each_email_links_to_the_page_where_its_frequency_is_chosen(commit, lea):
    tell_lea(lea, commit)

    (email,) = mail.outbox
    preferences = "http://testserver/notifications/preferences/"
    assert f"Choisir quand recevoir des e-mails : {preferences}" in email.body
    assert f'href="{preferences}"' in email.alternatives[0].content


def test_off_never_sends_an_email_but_keeps_the_notification_on_the_site(commit, lea):
    Preference.objects.create(user=lea, category="messages", frequency=Frequency.OFF)

    tell_lea(lea, commit)
    commit(send_digests, frequency="daily")
    commit(send_digests, frequency="weekly")

    assert mail.outbox == []
    assert Notification.objects.filter(user=lea).count() == 1


def test_daily_waits_for_the_summary(commit, lea):
    Preference.objects.create(user=lea, category="messages", frequency=Frequency.DAILY)

    tell_lea(lea, commit)
    assert mail.outbox == []

    commit(send_digests, frequency="daily")

    assert len(mail.outbox) == 1
    assert "Martine Lefèvre vous a écrit" in mail.outbox[0].body


def test_turning_emails_off_cancels_the_summary_still_waiting(client, commit, lea):
    Preference.objects.create(user=lea, category="messages", frequency=Frequency.DAILY)
    tell_lea(lea, commit)
    client.force_login(lea)

    client.post(
        reverse("notifications:preferences"),
        dict.fromkeys(
            ("applications", "agreements", "missions", "organizations", "suggestions", "quickhelp"),
            "immediate",
        )
        | {"messages": "off"},
    )
    commit(send_digests, frequency="daily")

    assert mail.outbox == []


def test_what_happened_while_emails_were_off_is_never_mailed_later(client, commit, lea):
    Preference.objects.create(user=lea, category="messages", frequency=Frequency.OFF)
    tell_lea(lea, commit)
    client.force_login(lea)

    client.post(
        reverse("notifications:preferences"),
        dict.fromkeys(
            ("applications", "agreements", "missions", "organizations", "suggestions", "quickhelp"),
            "immediate",
        )
        | {"messages": "daily"},
    )
    commit(send_digests, frequency="daily")

    assert mail.outbox == []


@pytest.mark.parametrize("frequency", ["daily", "weekly"])
def test_switching_summaries_moves_what_is_waiting(commit, lea, frequency):
    from notifications.services import preferences_set

    other = "weekly" if frequency == "daily" else "daily"
    Preference.objects.create(user=lea, category="messages", frequency=frequency)
    tell_lea(lea, commit)

    preferences_set(user=lea, frequencies={"messages": other})
    commit(send_digests, frequency=frequency)
    assert mail.outbox == []
    commit(send_digests, frequency=other)
    assert len(mail.outbox) == 1
