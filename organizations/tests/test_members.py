import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from notifications.models import Frequency, Notification, Preference
from organizations.models import Invitation, Membership
from organizations.tests.factories import InvitationFactory, MembershipFactory


def members_url(organization) -> str:
    return reverse("organizations:members", args=[organization.slug])


def test_an_invitation_reaches_a_newcomer_who_signs_in_and_joins(
    client, commit, martine, association, last_link
):
    client.force_login(martine)

    response = commit(
        client.post, members_url(association), {"email": "Jean@Orange.fr", "role": "member"}
    )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "jean@orange.fr"
    assert invitation.invited_by == martine
    message = mail.outbox[-1]
    assert message.to == ["jean@orange.fr"]
    assert "Martine Lefèvre vous invite à rejoindre « Les Jardins Partagés de Belleville »" in (
        message.subject
    )
    link = last_link("jean@orange.fr")
    assert link == f"http://testserver/organizations/invitations/{invitation.token}/"

    # Jean has no account yet: the page sends him to log in (or sign up) and back.
    client.logout()
    page = client.get(link)
    assert "Créer mon compte" in page.text
    refused = client.post(link)
    assert refused.status_code == 302
    assert refused["Location"].startswith(reverse("accounts:login"))
    assert "next=%2Forganizations%2Finvitations%2F" in refused["Location"]

    jean = UserFactory(email="jean@orange.fr", full_name="Jean Dupont")
    client.force_login(jean)
    assert "Rejoindre" in client.get(link).text
    assert not association.memberships.filter(user=jean).exists()  # a GET never joins

    joined = client.post(link)

    assert joined["Location"] == association.get_absolute_url()
    assert association.memberships.get(user=jean).role == "member"
    invitation.refresh_from_db()
    assert invitation.accepted_by == jean


def test_someone_with_an_account_is_notified_once(client, commit, martine, lea, association):
    client.force_login(martine)

    commit(client.post, members_url(association), {"email": "lea@example.org", "role": "admin"})

    notification = Notification.objects.get(user=lea, kind="member_invited")
    assert notification.title == (
        "Martine Lefèvre vous invite à rejoindre « Les Jardins Partagés de Belleville »"
    )
    assert notification.url == reverse(
        "organizations:invitation", args=[Invitation.objects.get().token]
    )
    # The notification's own e-mail carries the link: no second e-mail.
    assert [m.to for m in mail.outbox] == [["lea@example.org"]]


def test_someone_who_reads_notifications_weekly_still_gets_the_invitation_now(
    client, commit, martine, lea, association
):
    Preference.objects.create(user=lea, category="organizations", frequency=Frequency.WEEKLY)
    client.force_login(martine)

    commit(client.post, members_url(association), {"email": "lea@example.org", "role": "member"})

    assert Notification.objects.filter(user=lea, kind="member_invited").exists()
    assert len(mail.outbox) == 1
    assert "/organizations/invitations/" in mail.outbox[0].body


def test_an_invitation_serves_once(client, association, lea, bruno):
    invitation = InvitationFactory(organization=association, email="lea@example.org")
    url = reverse("organizations:invitation", args=[invitation.token])
    client.force_login(lea)
    client.post(url)

    client.force_login(bruno)
    response = client.post(url)

    assert response.status_code == 410
    assert "déjà servi" in response.text
    assert not association.memberships.filter(user=bruno).exists()


def test_an_old_invitation_no_longer_works(client, association, lea):
    invitation = InvitationFactory(organization=association, email="lea@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    client.force_login(lea)

    response = client.post(reverse("organizations:invitation", args=[invitation.token]))

    assert response.status_code == 410
    assert not association.memberships.filter(user=lea).exists()


def test_an_admin_invitation_promotes_a_member_and_never_demotes_an_admin(
    client, martine, yacine, association
):
    promote = InvitationFactory(organization=association, email=yacine.email, role="admin")
    keep = InvitationFactory(organization=association, email=martine.email, role="member")
    client.force_login(yacine)
    client.post(reverse("organizations:invitation", args=[promote.token]))
    client.force_login(martine)
    client.post(reverse("organizations:invitation", args=[keep.token]))

    assert association.memberships.get(user=yacine).role == "admin"
    assert association.memberships.get(user=martine).role == "admin"


def test_inviting_a_member_again_is_pointed_out(client, martine, yacine, association):
    client.force_login(martine)

    response = client.post(members_url(association), {"email": yacine.email, "role": "member"})

    assert "fait déjà partie" in response.text
    assert 'value="yacine@example.org"' in response.text
    assert not Invitation.objects.exists()


def test_a_new_invitation_to_the_same_address_replaces_the_old_one(client, martine, association):
    client.force_login(martine)
    for _ in range(2):
        client.post(members_url(association), {"email": "jean@orange.fr", "role": "member"})

    assert Invitation.objects.count() == 1


def test_the_admin_sees_and_cancels_pending_invitations(client, martine, association):
    invitation = InvitationFactory(organization=association, email="jean@orange.fr")
    client.force_login(martine)
    assert "jean@orange.fr" in client.get(members_url(association)).text

    client.post(reverse("organizations:invitation_cancel", args=[association.slug, invitation.pk]))

    assert not Invitation.objects.exists()
    response = client.get(reverse("organizations:invitation", args=[invitation.token]))
    assert response.status_code == 404


def test_the_admin_changes_a_role(client, martine, yacine, association):
    client.force_login(martine)
    target = association.memberships.get(user=yacine)

    response = client.post(
        reverse("organizations:member_role", args=[association.slug, target.pk]),
        {"role": "admin"},
        follow=True,
    )

    target.refresh_from_db()
    assert target.role == "admin"
    assert "Yacine Haddad est maintenant administrateur·rice." in response.text


def test_the_last_admin_can_be_neither_demoted_nor_removed(client, martine, association):
    client.force_login(martine)
    mine = association.memberships.get(user=martine)

    demoted = client.post(
        reverse("organizations:member_role", args=[association.slug, mine.pk]),
        {"role": "member"},
        follow=True,
    )
    left = client.post(
        reverse("organizations:member_remove", args=[association.slug, mine.pk]), follow=True
    )

    mine.refresh_from_db()
    assert mine.role == "admin"
    assert "nommez d’abord quelqu’un d’autre" in demoted.text
    assert "nommez d’abord quelqu’un d’autre" in left.text


def test_with_a_second_admin_the_first_may_step_down(client, martine, yacine, association):
    association.memberships.filter(user=yacine).update(role="admin")
    client.force_login(martine)
    mine = association.memberships.get(user=martine)

    client.post(
        reverse("organizations:member_role", args=[association.slug, mine.pk]), {"role": "member"}
    )

    mine.refresh_from_db()
    assert mine.role == "member"


def test_the_admin_removes_a_member_after_confirming(client, martine, yacine, association):
    client.force_login(martine)
    target = association.memberships.get(user=yacine)
    url = reverse("organizations:member_remove", args=[association.slug, target.pk])

    confirm = client.get(url)
    assert "Retirer Yacine Haddad ?" in confirm.text
    assert association.memberships.filter(user=yacine).exists()

    client.post(url)

    assert not association.memberships.filter(user=yacine).exists()


def test_a_member_may_leave(client, yacine, association):
    client.force_login(yacine)
    target = association.memberships.get(user=yacine)

    response = client.post(
        reverse("organizations:member_remove", args=[association.slug, target.pk])
    )

    assert response["Location"] == association.get_absolute_url()
    assert not association.memberships.filter(user=yacine).exists()


def test_the_members_page_takes_the_same_queries_for_any_number_of_members(
    client, martine, association, django_assert_max_num_queries
):
    client.force_login(martine)
    MembershipFactory(organization=association)
    InvitationFactory(organization=association)
    with django_assert_max_num_queries(20) as few:
        client.get(members_url(association))
    MembershipFactory.create_batch(10, organization=association)
    InvitationFactory.create_batch(5, organization=association)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(members_url(association))

    assert response.text.count('class="org-member"') == 2 + 10 + 6


def test_the_roles_are_plain_words(db):
    assert Membership.Role.ADMIN.label == "administrateur·rice"
