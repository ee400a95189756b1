"""A team hands its answer in and revises it until the deadline; late answers are refused
in words; who may read the answer and download its files."""

import datetime
import io
import itertools
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from challenges import services
from challenges.lifecycle import submission_refusal
from challenges.models import Event, Registration, Submission, SubmissionFile, Team
from challenges.selectors import can_see_submission
from core.errors import ActionRefused

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _pdf(name="affiche.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def challenge(event, martine, association):
    return ChallengeFactory(event=event, association=association)


CODES = itertools.count(1)


def _make_team(event, name, members, challenge=None):
    team = Team.objects.create(
        event=event,
        name=name,
        code=f"T{next(CODES):05d}",
        leader=members[0],
        challenge=challenge,
    )
    for member in members:
        Registration.objects.create(
            event=event, student=member, team=team, registered_at=timezone.now()
        )
    return team


@pytest.fixture
def team(event, challenge, ines, lea):
    Event.objects.filter(pk=event.pk).update(
        status=Event.Status.RUNNING,
        submission_deadline=timezone.now() + datetime.timedelta(hours=3),
    )
    return _make_team(Event.objects.get(pk=event.pk), "Les Colibris", [ines, lea], challenge)


@pytest.fixture
def other_team(team, challenge):
    return _make_team(team.event, "Les Hérons", [UserFactory(full_name="Hugo Petit")], challenge)


def _page(team):
    return f"/challenges/teams/{team.pk}/submission/"


def _pass_deadline(team):
    Event.objects.filter(pk=team.event_id).update(
        submission_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )


def test_a_member_hands_in_the_answer_with_a_file_and_links(client, team, lea):
    client.force_login(lea)
    page = client.get(_page(team)).content.decode()
    assert "Votre équipe n’a pas encore remis de réponse." in page
    response = client.post(
        _page(team),
        {
            "description": "Une affiche A3 et trois messages.",
            "links": "www.figma.com/file/colibris",
            "files": [_pdf()],
        },
    )
    assert response.status_code == 302
    submission = Submission.objects.get(team=team)
    assert submission.links == "https://www.figma.com/file/colibris"
    assert submission.files.get().name == "affiche.pdf"
    page = client.get(_page(team)).content.decode()
    assert "Une affiche A3 et trois messages." in page and "affiche.pdf" in page
    assert AuditEvent.objects.filter(verb="submission.submitted", actor=lea).exists()
    assert AuditEvent.objects.filter(verb="submission.file_added").count() == 1


def test_any_member_revises_it_before_the_deadline(client, team, ines, lea):
    services.submission_save(team=team, by=ines, description="Première idée", files=[_pdf()])
    client.force_login(lea)
    page = client.get(_page(team)).content.decode()
    assert "Première idée" in page and "Modifier la réponse" in page
    client.post(_page(team), {"description": "Idée revue", "links": ""})
    file = SubmissionFile.objects.get()
    client.post(f"{_page(team)}files/{file.pk}/remove/")
    submission = Submission.objects.get()
    assert submission.description == "Idée revue"
    assert not submission.files.exists()
    assert submission.was_revised
    assert "dernière modification le" in client.get(_page(team)).content.decode()
    assert AuditEvent.objects.filter(verb="submission.revised", actor=lea).exists()
    assert AuditEvent.objects.filter(verb="submission.file_removed", actor=lea).exists()


def test_a_late_answer_is_refused_with_the_deadline_in_words(client, team, lea):
    _pass_deadline(team)
    client.force_login(lea)
    page = client.get(_page(team)).content.decode()
    assert "La date limite de remise des réponses était le" in page
    assert "elle est passée" in page
    assert "Remettre la réponse" not in page
    response = client.post(_page(team), {"description": "Trop tard"}, follow=True)
    assert "elle est passée" in response.content.decode()
    assert not Submission.objects.exists()
    team.event.refresh_from_db()
    with pytest.raises(ActionRefused, match="elle est passée"):
        services.submission_save(team=team, by=lea, description="Trop tard")


def test_a_revision_after_the_deadline_is_refused(team, ines):
    services.submission_save(team=team, by=ines, description="À temps", files=[_pdf()])
    later = team.event.submission_deadline + datetime.timedelta(seconds=1)
    assert "elle est passée" in submission_refusal(team, ines, later)
    with pytest.raises(ActionRefused, match="elle est passée"):
        services.submission_save(team=team, by=ines, description="Revue", now=later)
    with pytest.raises(ActionRefused, match="elle est passée"):
        services.submission_file_remove(file=SubmissionFile.objects.get(), by=ines, now=later)
    assert Submission.objects.get().description == "À temps"


def test_no_answer_before_the_event_starts_nor_from_someone_outside_the_team(
    team, ines, other_team
):
    Event.objects.filter(pk=team.event_id).update(status=Event.Status.PUBLISHED)
    team.event.refresh_from_db()
    assert "une fois l’événement lancé" in submission_refusal(team, ines)
    stranger = other_team.leader
    assert "Seuls les membres de l’équipe" in submission_refusal(team, stranger)


def test_files_are_checked_as_deliveries_are(client, team, lea):
    client.force_login(lea)
    program = SimpleUploadedFile("affiche.pdf", b"MZ\x90\x00programme")
    response = client.post(_page(team), {"description": "Notre réponse", "files": [program]})
    page = response.content.decode()
    assert "ne contient pas ce qu’annonce son nom" in page
    assert "Notre réponse" in page  # what was typed stays
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("setup.exe", b"MZ")
    bundle = SimpleUploadedFile("maquettes.zip", archive.getvalue())
    page = client.post(_page(team), {"description": "x", "files": [bundle]}).content.decode()
    assert "contient un programme (setup.exe)" in page
    page = client.post(
        _page(team), {"description": "x", "links": "pas une adresse"}
    ).content.decode()
    assert "n’est pas une adresse web" in page
    assert not Submission.objects.exists()


def test_too_many_files_are_refused(team, ines):
    files = [_pdf(f"page-{n}.pdf") for n in range(services.MAX_SUBMISSION_FILES)]
    services.submission_save(team=team, by=ines, description="Dix pages", files=files)
    with pytest.raises(ActionRefused, match="fichiers au plus"):
        services.submission_save(team=team, by=ines, description="Onze", files=[_pdf()])


def test_who_sees_the_answer_and_its_files(client, team, ines, lea, sophie, martine, other_team):
    services.submission_save(team=team, by=ines, description="Notre réponse", files=[_pdf()])
    submission = Submission.objects.select_related("team__event").get()
    download = f"{_page(team)}files/{submission.files.get().pk}/"
    outsider = other_team.leader

    def statuses(user):
        client.force_login(user)
        return client.get(_page(team)).status_code, client.get(download).status_code

    # Before the deadline: the team only.
    assert statuses(lea) == (200, 200)
    assert statuses(sophie) == (404, 404)
    assert statuses(martine) == (404, 404)
    assert statuses(outsider) == (404, 404)
    # After the deadline: the organiser too.
    _pass_deadline(team)
    assert statuses(sophie) == (200, 200)
    assert statuses(martine) == (404, 404)
    assert statuses(outsider) == (404, 404)
    # Results published: the association of the challenge too; other teams never.
    Event.objects.filter(pk=team.event_id).update(status=Event.Status.RESULTS)
    assert statuses(martine) == (200, 200)
    assert statuses(outsider) == (404, 404)
    submission.refresh_from_db()
    submission.team.event.refresh_from_db()
    assert can_see_submission(martine, submission)
    assert not can_see_submission(outsider, submission)
    client.logout()
    assert client.get(download).status_code == 302  # to the login page


def test_the_download_is_the_file_never_cached(client, team, ines):
    services.submission_save(team=team, by=ines, description="Notre réponse", files=[_pdf()])
    client.force_login(ines)
    response = client.get(f"{_page(team)}files/{SubmissionFile.objects.get().pk}/")
    assert b"".join(response.streaming_content) == PDF
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]


def test_the_organisers_list_counts_its_queries_once(
    client, event, team, ines, sophie, django_assert_max_num_queries
):
    services.submission_save(team=team, by=ines, description="Notre réponse", files=[_pdf()])
    client.force_login(sophie)

    def load():
        return client.get(f"/challenges/{event.pk}/submissions/").content.decode()

    with django_assert_max_num_queries(12) as few:
        load()
    for n in range(4):
        student = UserFactory()
        other = _make_team(team.event, f"Équipe {n}", [student], team.challenge)
        services.submission_save(team=other, by=student, description="R", files=[_pdf()])
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = load()
    assert page.count("Réponse remise, 1 fichier") == 5
    _pass_deadline(team)
    assert f"/challenges/teams/{team.pk}/submission/" in load()


def test_the_organisers_list_is_for_the_organiser_only(client, event, lea, martine):
    for user in (lea, martine):
        client.force_login(user)
        assert client.get(f"/challenges/{event.pk}/submissions/").status_code == 404


def test_the_team_keeps_its_answer_when_a_member_leaves_the_site(
    team, ines, lea, django_capture_on_commit_callbacks
):
    from django.apps import apps

    services.submission_save(team=team, by=ines, description="Notre réponse", files=[_pdf()])
    config = apps.get_app_config("challenges")
    exported = config.personal_data(lea)["challenge_submissions"]
    assert exported[0]["description"] == "Notre réponse"
    assert exported[0]["files"] == ["affiche.pdf"]
    stored = SubmissionFile.objects.get().file
    config.erase_personal_data(ines)
    assert Submission.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        config.erase_personal_data(lea)
    assert not Submission.objects.exists() and not SubmissionFile.objects.exists()
    assert not stored.storage.exists(stored.name)
