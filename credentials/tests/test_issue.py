"""When an attestation is issued, and what it says."""

import datetime

import pytest
from django.utils import timezone

from completion.models import Completion, Review
from completion.services import REVIEW_DELAY, publish_due_reviews, review_write
from completion.tests.factories import CompletionFactory, ReviewFactory, engagement
from credentials.models import STATUS_LIST_LENGTH, Credential
from credentials.services import issue_due, issue_for, issue_if_ready
from credentials.status import decode, get_bit
from engagements.tests.factories import ApplicationFactory
from organizations.tests.factories import MembershipFactory
from volunteers.tests.factories import VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def test_the_credential_is_an_open_badge_naming_everything_it_attests(credential):
    document = credential.document
    subject = document["credentialSubject"]
    achievement = subject["achievement"]

    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"] == f"http://testserver/verify/{credential.public_id}/"
    assert document["issuer"]["id"] == "did:web:testserver"
    assert document["issuer"]["name"] == "A-lasso"
    assert subject["identifier"][0]["identityHash"] == "Léa Martin"
    assert achievement["name"] == "Un logo pour la fête des jardins"
    assert achievement["creator"]["name"] == "Les Jardins Partagés de Belleville"
    assert {
        e["identifierType"]: e["identifier"] for e in achievement["creator"]["otherIdentifier"]
    } == {
        "ext:RNA": "W751234567",
        "ext:SIREN": "732829320",
    }
    # Hours confirmed by the association, not those planned in the agreement.
    assert subject["result"][0]["value"] == "15"
    assert subject["activityStartDate"] == "2026-03-02"
    assert subject["activityEndDate"] == "2026-04-10"
    evidence = {item["genre"]: item for item in document["evidence"]}
    assert (
        evidence["Témoignage"]["narrative"] == "Léa a dessiné un logo que tout le quartier adore."
    )
    assert set(evidence["Compétences reconnues"]["description"].split(" ; ")) == {
        "Logo et identité visuelle",
        "Figma",
    }


def test_a_credential_is_issued_once_and_then_always_the_same(engagement):
    first = issue_for(engagement)
    again = issue_for(engagement)

    assert again.pk == first.pk
    assert again.document == first.document
    assert Credential.objects.count() == 1


def test_only_an_accepted_engagement_can_be_attested(association):
    pending = ApplicationFactory(mission__organization=association)

    with pytest.raises(ValueError):
        issue_for(pending)
    assert not Credential.objects.exists()


def test_it_waits_while_the_associations_review_is_private():
    completion = CompletionFactory()
    ReviewFactory(application=completion.application, published_at=None)

    assert issue_if_ready(completion.application) is None


def test_it_is_issued_once_the_review_is_public_and_carries_it():
    completion = CompletionFactory()
    ReviewFactory(application=completion.application, testimonial="Bravo, travail soigné.")

    credential = issue_if_ready(completion.application)

    assert credential is not None
    assert credential.document["evidence"][0]["narrative"] == "Bravo, travail soigné."


def test_without_a_review_it_is_issued_when_the_time_to_write_one_is_over():
    completion = CompletionFactory()
    assert issue_if_ready(completion.application) is None

    Completion.objects.filter(pk=completion.pk).update(
        completed_at=timezone.now() - REVIEW_DELAY - datetime.timedelta(minutes=1)
    )
    completion.application.refresh_from_db()
    credential = issue_if_ready(completion.application)

    assert credential is not None
    assert "evidence" not in credential.document


def test_an_engagement_still_in_progress_is_not_attested():
    assert issue_if_ready(engagement()) is None


def test_the_hourly_job_issues_what_became_due_and_nothing_else():
    reviewed = CompletionFactory()
    ReviewFactory(application=reviewed.application)
    old = CompletionFactory(completed_at=timezone.now() - REVIEW_DELAY * 2)
    waiting = CompletionFactory()
    CompletionFactory(status=Completion.Status.DELIVERED)

    assert issue_due() == 2
    assert set(Credential.objects.values_list("application_id", flat=True)) == {
        reviewed.application_id,
        old.application_id,
    }
    assert not Credential.objects.filter(application=waiting.application).exists()
    assert issue_due() == 0


def test_the_completion_signal_issues_after_the_commit(commit, engagement):
    from completion.signals import engagement_completed

    def confirm():
        engagement_completed.send(sender=Completion, application=engagement)

    commit(confirm)

    assert Credential.objects.filter(application=engagement).exists()


def test_the_association_publishing_its_review_issues_it_at_once(commit):
    # Its review is the second one written: both are published, the attestation follows.
    completion = CompletionFactory()
    application = completion.application
    ReviewFactory(
        application=application,
        direction=Review.Direction.VOLUNTEER,
        published_at=None,
        author=application.volunteer,
    )
    member = MembershipFactory(organization=application.mission.organization).user
    assert not Credential.objects.exists()

    commit(
        review_write,
        application=application,
        by=member,
        ratings={"quality": 5, "communication": 5, "deadlines": 4},
        answers={"answer_done": "Un logo.", "answer_how": "Bien.", "answer_recommend": "Oui."},
    )

    credential = Credential.objects.get(application=application)
    assert "Un logo." in credential.document["evidence"][0]["narrative"]


def test_the_hourly_publication_of_reviews_issues_it_at_once(commit):
    # `publish_due_reviews` claims each review with an `.update()`: the credential still
    # follows at once, not at the credentials job's next run.
    completion = CompletionFactory(
        completed_at=timezone.now() - REVIEW_DELAY - datetime.timedelta(minutes=1)
    )
    ReviewFactory(
        application=completion.application, published_at=None, testimonial="Bravo, travail soigné."
    )

    assert commit(publish_due_reviews) == 1

    credential = Credential.objects.get(application=completion.application)
    assert credential.document["evidence"][0]["narrative"] == "Bravo, travail soigné."


def test_each_credential_has_its_own_random_bit_in_the_status_list():
    credentials = [issue_for(CompletionFactory().application) for _ in range(5)]

    indexes = {c.status_index for c in credentials}
    assert len(indexes) == 5
    assert all(0 <= i < STATUS_LIST_LENGTH for i in indexes)
    for credential in credentials:
        status = credential.document["credentialStatus"]
        assert status["type"] == "BitstringStatusListEntry"
        assert status["statusPurpose"] == "revocation"
        assert status["statusListIndex"] == str(credential.status_index)


def test_revoking_sets_its_bit_in_the_signed_list(credential, staff):
    from credentials.services import credential_revoke

    credential_revoke(credential=credential, by=staff, reason="Fausse déclaration.")
    credential.status_list.refresh_from_db()

    bits = decode(credential.status_list.document["credentialSubject"]["encodedList"])
    assert len(bits) * 8 == STATUS_LIST_LENGTH
    assert get_bit(bits, credential.status_index) is True
    assert sum(bin(byte).count("1") for byte in bits) == 1


def test_an_employees_attestation_names_the_company_for_the_mecenat(lea):
    completion = CompletionFactory(application=engagement(volunteer=lea, hours=20))
    VolunteerProfileFactory(user=lea, kind="employee", company_name="Banque Solidaire SA")

    credential = issue_for(completion.application)

    assert credential.company_name == "Banque Solidaire SA"
    assert "salarié·e de Banque Solidaire SA" in credential.document["description"]
    assert "mécénat de compétences" in credential.document["description"]
