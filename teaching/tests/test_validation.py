"""A teacher validates a student's completed mission, or asks her to improve it: the student
is told, reads it on her dashboard, and a validated mission is printed on her attestation."""

import pytest
from django.core import mail
from django.urls import reverse

from audit.models import AuditEvent
from completion.tests.factories import engagement
from core.errors import ActionRefused
from engagements.tests.factories import MissionFactory
from notifications.models import Notification
from organizations.tests.factories import MembershipFactory
from schools.tests.factories import CohortMembershipFactory
from teaching.lifecycle import VALIDATION
from teaching.models import Validation
from teaching.services import validation_give

from .factories import completed_engagement

pytestmark = pytest.mark.django_db


def validate_url(cohort, application):
    return reverse("teaching:validate", args=[cohort.pk, application.pk])


def test_the_lifecycle_table():
    assert sorted(VALIDATION.edges()) == [
        ("not_given", "ask_improvement", "to_improve"),
        ("not_given", "validate", "validated"),
        ("to_improve", "ask_improvement", "to_improve"),
        ("to_improve", "validate", "validated"),
        ("validated", "ask_improvement", "to_improve"),
    ]


def test_a_teacher_validates_a_completed_mission_and_the_student_is_told(
    client, commit, sophie, cohort, ines, ines_logo
):
    client.force_login(sophie)

    response = commit(
        client.post,
        validate_url(cohort, ines_logo),
        {"verdict": "validated", "comment": "Charte claire et bien argumentée."},
    )

    assert response.status_code == 302
    assert response.url == reverse("teaching:dashboard", args=[cohort.pk])
    validation = Validation.objects.get(application=ines_logo, cohort=cohort)
    assert validation.is_validated and validation.teacher == sophie
    assert AuditEvent.objects.filter(verb="validation.validated", actor=sophie).exists()
    notification = Notification.objects.get(user=ines, kind="teacher_validation")
    assert "validée par Sophie Bernard" in notification.title
    assert "Charte claire et bien argumentée." in notification.body
    assert mail.outbox[-1].to == ["ines@example.org"]
    assert "validée" in mail.outbox[-1].subject


def test_asking_to_improve_needs_a_comment_and_keeps_what_was_typed(
    client, sophie, cohort, ines_logo
):
    client.force_login(sophie)

    response = client.post(validate_url(cohort, ines_logo), {"verdict": "to_improve"})

    assert response.status_code == 200
    assert "Dites à l’élève ce qu’il faut améliorer" in response.text
    assert 'value="to_improve" checked' in response.text or "checked" in response.text
    assert not Validation.objects.exists()


def test_the_teacher_may_change_her_mind(sophie, cohort, ines_logo):
    validation_give(
        application=ines_logo, cohort=cohort, by=sophie, verdict="to_improve", comment="Reprenez."
    )
    validation_give(application=ines_logo, cohort=cohort, by=sophie, verdict="validated")

    validation = Validation.objects.get()
    assert validation.is_validated and validation.comment == ""
    with pytest.raises(ActionRefused, match="déjà validée"):
        validation_give(application=ines_logo, cohort=cohort, by=sophie, verdict="validated")


def test_a_mission_not_completed_cannot_be_validated(client, sophie, cohort, ines, association):
    running = engagement(
        mission=MissionFactory(organization=association, status="in_progress"), volunteer=ines
    )
    client.force_login(sophie)

    page = client.get(validate_url(cohort, running)).text
    client.post(validate_url(cohort, running), {"verdict": "validated"})

    assert "l’association doit d’abord confirmer" in page
    assert not Validation.objects.exists()
    with pytest.raises(ActionRefused):
        validation_give(application=running, cohort=cohort, by=sophie, verdict="validated")


def test_a_teacher_cannot_validate_her_own_mission(sophie, cohort, association):
    # Sophie is also a student of her own cohort (a trainee teacher, say).
    CohortMembershipFactory(cohort=cohort, student=sophie)
    own = completed_engagement(sophie, association)

    with pytest.raises(ActionRefused, match="votre propre mission"):
        validation_give(application=own, cohort=cohort, by=sophie, verdict="validated")


def test_only_the_cohorts_teachers_validate_its_work(
    client, claire, other_cohort, paul, cohort, ines_logo, ines, martine
):
    for person in (claire, paul, ines, martine):
        client.force_login(person)
        assert client.get(validate_url(cohort, ines_logo)).status_code == 404
        assert (
            client.post(validate_url(cohort, ines_logo), {"verdict": "validated"}).status_code
            == 404
        )
    # Through her own cohort, Claire reaches no work of Inès's.
    client.force_login(claire)
    assert client.get(validate_url(other_cohort, ines_logo)).status_code == 404
    with pytest.raises(ActionRefused):
        validation_give(application=ines_logo, cohort=cohort, by=claire, verdict="validated")
    assert not Validation.objects.exists()


def test_a_member_of_the_school_not_named_on_the_cohort_is_refused(cohort, ines_logo, school):
    from accounts.tests.factories import UserFactory

    colleague = UserFactory()
    MembershipFactory(organization=school, user=colleague)

    with pytest.raises(ActionRefused, match="enseignant·es de la promotion"):
        validation_give(application=ines_logo, cohort=cohort, by=colleague, verdict="validated")


def test_the_student_reads_the_verdict_on_her_dashboard(client, sophie, cohort, ines, ines_logo):
    validation_give(
        application=ines_logo,
        cohort=cohort,
        by=sophie,
        verdict="to_improve",
        comment="Ajoutez une version monochrome.",
    )
    client.force_login(ines)

    page = client.get(reverse("core:home")).text

    assert "L’avis de vos enseignant·es" in page
    assert "Ajoutez une version monochrome." in page
    assert "À améliorer" in page or "à améliorer" in page


def test_the_dashboard_shows_the_verdict_and_offers_to_change_it(client, sophie, cohort, ines_logo):
    validation_give(
        application=ines_logo, cohort=cohort, by=sophie, verdict="validated", comment="Bravo."
    )
    client.force_login(sophie)

    page = client.get(reverse("teaching:dashboard", args=[cohort.pk])).text

    assert "Validée : « Bravo. »" in page
    assert "Changer mon avis" in page


def test_a_validated_mission_is_printed_on_the_attestation(
    sophie, cohort, ines, ines_logo, settings, tmp_path
):
    from credentials.keys import generate_key_file
    from credentials.pdf import mentions_for, render_attestation
    from credentials.services import issue_for
    from credentials.tests.test_pdf import pdf_text
    from volunteers.tests.factories import VolunteerProfileFactory

    settings.CREDENTIALS_KEY_FILE = tmp_path / "keys" / "key.pem"
    generate_key_file(settings.CREDENTIALS_KEY_FILE)
    VolunteerProfileFactory(user=ines)
    credential = issue_for(ines_logo)
    assert mentions_for(credential, language="fr") == []

    validation_give(
        application=ines_logo, cohort=cohort, by=sophie, verdict="to_improve", comment="Encore."
    )
    assert mentions_for(credential, language="fr") == []
    validation_give(
        application=ines_logo, cohort=cohort, by=sophie, verdict="validated", comment="Très bien."
    )

    text = pdf_text(render_attestation(credential, language="fr"), tmp_path)
    assert "Validation pédagogique" in text
    assert "par Sophie Bernard, enseignant·e de la promotion « Master 1 Design graphique »" in text
    assert "Très bien." in text
    english = pdf_text(render_attestation(credential, language="en"), tmp_path)
    assert "Sophie Bernard" in english


def test_the_attestation_address_draws_the_validation_once_given(
    client, sophie, cohort, ines, ines_logo, settings, tmp_path
):
    from credentials.keys import generate_key_file
    from credentials.services import issue_for
    from credentials.tests.test_pdf import pdf_text
    from volunteers.tests.factories import VolunteerProfileFactory

    settings.CREDENTIALS_KEY_FILE = tmp_path / "keys" / "key.pem"
    generate_key_file(settings.CREDENTIALS_KEY_FILE)
    VolunteerProfileFactory(user=ines)
    credential = issue_for(ines_logo)
    url = reverse("credentials:attestation", args=[credential.public_id])
    assert "Validation pédagogique" not in pdf_text(client.get(url).content, tmp_path)

    validation_give(application=ines_logo, cohort=cohort, by=sophie, verdict="validated")

    # The PDF kept in the cache for a day is drawn again: what it prints changed.
    assert "Validation pédagogique" in pdf_text(client.get(url).content, tmp_path)


def test_validations_are_in_the_export_and_go_with_the_students_account(
    sophie, cohort, ines, ines_logo
):
    from accounts.services import user_delete, user_personal_data

    validation_give(
        application=ines_logo, cohort=cohort, by=sophie, verdict="validated", comment="Bravo."
    )

    assert user_personal_data(user=ines)["teaching"]["validations_received"][0]["comment"] == (
        "Bravo."
    )
    assert user_personal_data(user=sophie)["teaching"]["validations_given"][0]["verdict"] == (
        "validated"
    )
    user_delete(user=ines)
    assert not Validation.objects.exists()


def test_the_student_reads_the_verdict_on_the_end_page_of_her_mission_the_association_not(
    client, sophie, cohort, ines, ines_logo, martine
):
    validation_give(
        application=ines_logo, cohort=cohort, by=sophie, verdict="validated", comment="Bravo !"
    )
    url = reverse("completion:detail", args=[ines_logo.pk])

    client.force_login(ines)
    page = client.get(url).text
    assert "L’avis de vos enseignant·es" in page
    assert "Bravo !" in page and "Cette validation figure sur votre attestation." in page

    client.force_login(martine)
    assert "Bravo !" not in client.get(url).text
