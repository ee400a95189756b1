from django.core import mail
from django.urls import reverse

from engagements.models import Agreement, Application
from notifications.models import Notification
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import AgreementFactory, ApplicationFactory

Status = Application.Status


# --- applying --------------------------------------------------------------------------------
def test_a_volunteer_applies_with_a_message_and_the_association_gets_an_email(
    client, commit, mission, lea, lea_profile, martine
):
    client.force_login(lea)
    page = client.get(reverse("engagements:apply", args=[mission.pk]))
    assert "Votre message à l’association" in page.text
    assert "Par exemple" in page.text

    response = commit(
        client.post,
        reverse("engagements:apply", args=[mission.pk]),
        {"message": "Bonjour, j’ai déjà fait le logo d’un club de foot."},
    )

    application = Application.objects.get()
    assert response["Location"] == reverse("engagements:detail", args=[application.pk])
    assert application.volunteer == lea
    assert application.status == Status.PENDING
    assert [m.to for m in mail.outbox] == [["martine@example.org"]]
    assert "logo d’un club de foot" in mail.outbox[0].body


def test_an_empty_message_is_refused_and_nothing_is_sent(client, mission, lea, lea_profile):
    client.force_login(lea)

    response = client.post(reverse("engagements:apply", args=[mission.pk]), {"message": " "})

    assert response.status_code == 200
    assert "Écrivez quelques mots" in response.text
    assert not Application.objects.exists()


def test_a_volunteer_without_a_profile_is_asked_to_describe_themselves_first(client, mission, lea):
    client.force_login(lea)
    apply_url = reverse("engagements:apply", args=[mission.pk])

    response = client.get(apply_url, follow=False)

    assert response.status_code == 302
    assert (
        response["Location"]
        == f"{reverse('volunteers:edit')}?next=%2Fmissions%2F{mission.pk}%2Fapply%2F"
    )
    assert apply_url in response["Location"].replace("%2F", "/")


def test_a_closed_mission_explains_itself_and_takes_no_application(
    client, mission, lea, lea_profile
):
    mission.status = "in_progress"
    mission.save()
    client.force_login(lea)

    response = client.post(reverse("engagements:apply", args=[mission.pk]), {"message": "Moi"})

    assert "ne reçoit plus de candidatures" in response.text
    assert "<textarea" not in response.text
    assert not Application.objects.exists()


def test_a_volunteer_who_already_applied_is_taken_to_the_application(
    client, mission, lea, lea_profile
):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(lea)

    response = client.get(reverse("engagements:apply", args=[mission.pk]))

    assert response["Location"] == reverse("engagements:detail", args=[application.pk])


def test_the_apply_page_shows_how_often_the_association_answers(
    client, mission, lea, lea_profile, karim
):
    for status in [Status.ACCEPTED, Status.DECLINED, Status.DECLINED, Status.EXPIRED]:
        ApplicationFactory(mission__organization=mission.organization, status=status)
    client.force_login(lea)

    response = client.get(reverse("engagements:apply", args=[mission.pk]))

    assert "répond à 75 % des candidatures" in response.text


# --- answering -------------------------------------------------------------------------------
def test_accepting_leads_the_member_to_the_agreement_and_emails_the_volunteer(
    client, commit, mission, lea, martine
):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(martine)

    response = commit(client.post, reverse("engagements:answer", args=[application.pk, "accept"]))

    assert response["Location"] == reverse("engagements:agreement", args=[application.pk])
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert sorted(m.subject for m in mail.outbox) == [
        "Accord d’engagement à confirmer : « Un logo pour la fête des jardins »",
        "Bonne nouvelle : vous êtes accepté·e pour « Un logo pour la fête des jardins »",
    ]
    assert all(m.to == ["lea@example.org"] for m in mail.outbox)


def test_accepting_into_a_full_team_says_so_and_changes_nothing(
    client, mission, lea, karim, martine
):
    ApplicationFactory(mission=mission, volunteer=karim, status=Status.ACCEPTED)
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(martine)

    response = client.post(
        reverse("engagements:answer", args=[application.pk, "accept"]), follow=True
    )

    assert "L’équipe est déjà complète" in response.text
    application.refresh_from_db()
    assert application.status == Status.PENDING


def test_a_pending_application_of_a_mission_under_way_offers_no_accept_that_would_fail(
    client, mission, lea, martine
):
    """The mission moved on while Léa waited: the page says why, instead of a button."""
    application = ApplicationFactory(mission=mission, volunteer=lea)
    type(mission).objects.filter(pk=mission.pk).update(status="delivered")
    client.force_login(martine)

    response = client.get(reverse("engagements:applicants", args=[mission.pk]))

    accept = reverse("engagements:answer", args=[application.pk, "accept"])
    assert accept not in response.text
    assert "Cette mission ne reçoit plus de candidatures." in response.text
    assert reverse("engagements:answer", args=[application.pk, "decline"]) in response.text


def test_declining_with_a_prewritten_kind_reason(client, commit, mission, lea, martine):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(martine)

    response = commit(
        client.post,
        reverse("engagements:answer", args=[application.pk, "decline"]),
        {"choice": "found", "note": "Votre book est très réussi !"},
    )

    assert response["Location"] == reverse("engagements:applicants", args=[mission.pk])
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert application.answer == (
        "Nous avons déjà trouvé quelqu’un, merci beaucoup pour votre proposition !\n\n"
        "Votre book est très réussi !"
    )
    assert mail.outbox[0].to == ["lea@example.org"]
    assert "Votre book est très réussi !" in mail.outbox[0].body


def test_writing_ones_own_answer_needs_some_words(client, mission, lea, martine):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(martine)

    response = client.post(
        reverse("engagements:answer", args=[application.pk, "decline"]),
        {"choice": "other", "note": ""},
    )

    assert response.status_code == 200
    assert "Écrivez votre réponse" in response.text
    application.refresh_from_db()
    assert application.status == Status.PENDING


def test_declining_from_the_list_with_htmx_refreshes_only_the_list(client, mission, lea, martine):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(martine)

    response = client.post(
        reverse("engagements:answer", args=[application.pk, "decline"]),
        {"choice": "changed", "note": ""},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="applicants"')
    assert "Votre réponse est envoyée à Léa" in response.text
    application.refresh_from_db()
    assert application.status == Status.DECLINED


def test_a_volunteer_withdraws_from_the_list_of_their_applications(
    client, commit, mission, lea, martine
):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(lea)
    page = client.get(reverse("engagements:mine"))
    assert "Retirer ma candidature" in page.text

    response = commit(
        client.post,
        reverse("engagements:answer", args=[application.pk, "withdraw"]),
        {"next": reverse("engagements:mine")},
    )

    assert response["Location"] == reverse("engagements:mine")
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert mail.outbox[0].to == ["martine@example.org"]


def test_an_offsite_next_is_ignored(client, mission, lea):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(lea)

    response = client.post(
        reverse("engagements:answer", args=[application.pk, "withdraw"]),
        {"next": "https://evil.example.com/"},
    )

    assert response["Location"] == reverse("engagements:mine")


# --- invitations -----------------------------------------------------------------------------
def test_a_member_invites_a_volunteer_who_accepts_from_their_page(
    client, commit, mission, lea, lea_profile, martine
):
    client.force_login(martine)
    response = commit(
        client.post,
        reverse("engagements:invite", args=[mission.pk, lea.pk]),
        {"message": "Votre travail sur les affiches nous a plu."},
    )
    assert response["Location"] == reverse("engagements:applicants", args=[mission.pk])
    invitation = Application.objects.get()
    assert invitation.status == Status.INVITED
    assert mail.outbox[-1].to == ["lea@example.org"]

    client.force_login(lea)
    page = client.get(reverse("engagements:mine"))
    assert "Invitations à répondre" in page.text
    assert "Votre travail sur les affiches nous a plu." in page.text

    response = commit(client.post, reverse("engagements:answer", args=[invitation.pk, "join"]))

    assert response["Location"] == reverse("engagements:agreement", args=[invitation.pk])
    invitation.refresh_from_db()
    assert invitation.status == Status.ACCEPTED
    assert mail.outbox[-1].to == ["martine@example.org"]


def test_an_invitation_can_be_refused(client, mission, lea, martine):
    invitation = ApplicationFactory(
        mission=mission, volunteer=lea, status=Status.INVITED, invited_by=martine
    )
    client.force_login(lea)

    response = client.post(reverse("engagements:answer", args=[invitation.pk, "refuse"]))

    assert response["Location"] == reverse("engagements:mine")
    invitation.refresh_from_db()
    assert invitation.status == Status.DECLINED


def test_inviting_someone_twice_says_so(client, mission, lea, lea_profile, martine):
    ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(martine)

    response = client.post(
        reverse("engagements:invite", args=[mission.pk, lea.pk]), {"message": "Venez !"}
    )

    assert response.status_code == 200
    assert "Une candidature existe déjà" in response.text


# --- the agreement ---------------------------------------------------------------------------
def test_both_sides_confirm_the_agreement_on_its_page(client, commit, mission, lea, yacine):
    agreement = AgreementFactory(application__mission=mission, application__volunteer=lea)
    url = reverse("engagements:agreement", args=[agreement.application_id])
    client.force_login(lea)
    page = client.get(url)
    assert "Ce qui est prévu" in page.text
    assert "Un logo en couleur" in page.text
    assert "environ 15 heures en tout" in page.text
    assert "sans limite de durée" in page.text  # the licence, in plain words
    assert "Je confirme cet accord" in page.text

    commit(client.post, url)
    page = client.get(url)
    assert "Je confirme cet accord" not in page.text
    assert mail.outbox == []

    client.force_login(yacine)
    response = commit(client.post, url, follow=True)

    assert "confirmé des deux côtés" in response.text
    agreement.refresh_from_db()
    assert agreement.is_confirmed
    assert {m.to[0] for m in mail.outbox} == {
        "lea@example.org",
        "yacine@example.org",
        "martine@example.org",
    }


def test_staff_read_the_agreement_but_cannot_confirm_it(client, mission, lea, staff):
    agreement = AgreementFactory(application__mission=mission, application__volunteer=lea)
    url = reverse("engagements:agreement", args=[agreement.application_id])
    client.force_login(staff)

    assert "Je confirme cet accord" not in client.get(url).text
    assert client.post(url).status_code == 403


def test_an_application_without_agreement_has_no_agreement_page(client, mission, lea):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(lea)

    response = client.get(reverse("engagements:agreement", args=[application.pk]))

    assert response.status_code == 404


def test_the_detail_page_shows_the_answer_and_what_can_be_done(client, mission, lea, martine):
    application = ApplicationFactory(
        mission=mission,
        volunteer=lea,
        status=Status.DECLINED,
        answer="Nous avons déjà trouvé quelqu’un.",
    )
    client.force_login(lea)

    response = client.get(reverse("engagements:detail", args=[application.pk]))

    assert "Nous avons déjà trouvé quelqu’un." in response.text
    assert "Retirer ma candidature" not in response.text


def test_a_member_answers_from_the_detail_page_too(client, mission, lea, martine):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(martine)

    response = client.get(reverse("engagements:detail", args=[application.pk]))

    assert "Accepter Léa" in response.text
    assert "Nous avons déjà trouvé quelqu’un" in response.text  # a kind reason, ready


# --- lists and their cost --------------------------------------------------------------------
def make_applicants(mission, count: int) -> None:
    for _ in range(count):
        profile = VolunteerProfileFactory(skills={"logo": 2, "figma": 3})
        ApplicationFactory(mission=mission, volunteer=profile.user)


def test_the_applicants_list_shows_each_profile_in_one_line(
    client, mission, lea, lea_profile, martine
):
    ApplicationFactory(mission=mission, volunteer=lea)
    client.force_login(martine)

    response = client.get(reverse("engagements:applicants", args=[mission.pk]))

    assert "Léa Martin" in response.text
    assert reverse("volunteers:detail", args=[lea.pk]) in response.text
    assert "Design graphique · École de design de Nantes" in response.text
    assert "Logo et identité visuelle (expert·e)" in response.text
    assert "Accepter Léa" in response.text


# Header links of other apps cost a few queries too: what matters is that rows cost none.
MAX_QUERIES = 16


def test_the_applicants_list_costs_the_same_with_3_or_15_applicants(
    client, mission, martine, django_assert_max_num_queries
):
    client.force_login(martine)
    url = reverse("engagements:applicants", args=[mission.pk])
    make_applicants(mission, 3)
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        client.get(url)

    make_applicants(mission, 12)
    with django_assert_max_num_queries(MAX_QUERIES) as many:
        response = client.get(url)

    assert len(many) == len(few)
    assert response.text.count("Accepter ") == 15


def test_my_applications_cost_the_same_with_3_or_15(client, lea, django_assert_max_num_queries):
    client.force_login(lea)
    url = reverse("engagements:mine")
    for _ in range(3):
        AgreementFactory(application__volunteer=lea)
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        client.get(url)

    for status in [Status.PENDING, Status.INVITED, Status.DECLINED, Status.EXPIRED] * 3:
        ApplicationFactory(volunteer=lea, status=status)
    with django_assert_max_num_queries(MAX_QUERIES) as many:
        response = client.get(url)

    assert len(many) == len(few)
    for heading in ["Invitations à répondre", "Acceptées", "En attente de réponse", "Terminées"]:
        assert heading in response.text


def test_my_applications_are_paginated(client, lea):
    for _ in range(21):
        ApplicationFactory(volunteer=lea)
    client.force_login(lea)

    response = client.get(reverse("engagements:mine"))

    assert "Page 1 sur 2" in response.text
    assert response.text.count("Retirer ma candidature") == 20
    # The page links keep the rest of the address (here a link from an e-mail).
    tagged = client.get(reverse("engagements:mine"), {"utm_source": "digest"})
    assert 'href="?utm_source=digest&amp;page=2"' in tagged.text


def test_notifications_link_to_pages_the_recipient_may_open(client, mission, lea, martine):
    application = ApplicationFactory(mission=mission, volunteer=lea)
    from engagements import services

    services.application_accept(application=application, by=martine)
    client.force_login(lea)

    for notification in Notification.objects.filter(user=lea):
        assert client.get(notification.url).status_code == 200
    assert Agreement.objects.count() == 1
