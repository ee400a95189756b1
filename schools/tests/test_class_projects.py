"""Class projects: Sophie proposes a team of her cohort for Martine's mission, the
association takes it as a whole, and each student ends with her own attestation."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from completion.services import completion_confirm, work_deliver
from core.errors import ActionRefused
from core.models import OutgoingEmail
from credentials.keys import generate_key_file
from credentials.services import issue_for
from engagements.models import Agreement, Application
from engagements.services import TeamFull, agreement_confirm
from engagements.tests.factories import ApplicationFactory, MissionFactory
from messaging.selectors import participants
from messaging.services import thread_for_mission
from missions.models import Mission
from missions.selectors import facts_of
from missions.services import mission_start
from notifications.models import Notification
from organizations.tests.factories import MembershipFactory
from schools import services
from schools.lifecycle import CLASS_PROJECT
from schools.models import ClassProject

from .factories import CohortFactory, CohortMembershipFactory


@pytest.fixture
def mission(association, martine):
    return MissionFactory(
        organization=association, title="Identité visuelle des jardins", team_size=3
    )


def _student(cohort, name, email):
    user = UserFactory(full_name=name, email=email, intent="volunteer")
    CohortMembershipFactory(cohort=cohort, student=user)
    return user


@pytest.fixture
def hugo(cohort):
    return _student(cohort, "Hugo Lefèvre", "hugo@example.org")


@pytest.fixture
def nora(cohort):
    return _student(cohort, "Nora Diallo", "nora@example.org")


@pytest.fixture
def roles(ines, hugo, nora):
    return {ines: "direction artistique", hugo: "typographie", nora: "mise en page"}


def _propose(cohort, mission, sophie, roles, lead):
    return services.class_project_propose(
        cohort=cohort,
        mission=mission,
        by=sophie,
        name="Identité des jardins",
        roles=roles,
        lead=lead,
        message="Mes élèves de master 1 travaillent en atelier le jeudi.",
    )


@pytest.fixture
def project(cohort, mission, sophie, roles, ines):
    return _propose(cohort, mission, sophie, roles, ines)


@pytest.fixture
def accepted(project, martine):
    return services.class_project_accept(project=project, by=martine)


# --- proposing ----------------------------------------------------------------------------------
def test_a_teacher_proposes_a_team_with_roles_and_the_association_is_told(
    martine, yacine, ines, project
):
    assert project.is_proposed
    assert project.lead == ines
    assert {m.student.full_name: m.role for m in project.members.all()} == {
        "Inès Moreau": "direction artistique",
        "Hugo Lefèvre": "typographie",
        "Nora Diallo": "mise en page",
    }
    told = Notification.objects.filter(kind="class_project_proposed")
    assert {n.user for n in told} == {martine, yacine}
    assert "Identité des jardins" in told.first().body
    assert AuditEvent.objects.filter(verb="class_project.proposed").count() == 1


def test_a_team_larger_than_the_places_left_is_refused(cohort, mission, sophie, roles, ines):
    mission.team_size = 2
    mission.save(update_fields=["team_size"])
    with pytest.raises(TeamFull, match="il reste 2 place"):
        _propose(cohort, mission, sophie, roles, ines)
    assert not ClassProject.objects.exists()


def test_a_student_outside_the_cohort_cannot_be_in_the_team(cohort, mission, sophie, ines, lea):
    with pytest.raises(ActionRefused, match="Léa .* ne fait pas"):
        _propose(cohort, mission, sophie, {ines: "logo", lea: "affiche"}, ines)


def test_a_student_who_left_the_cohort_cannot_be_in_the_team(cohort, mission, sophie, ines, hugo):
    services.cohort_leave(membership=hugo.cohort_memberships.get(), by=hugo)
    with pytest.raises(ActionRefused, match="Hugo Lefèvre ne fait pas"):
        _propose(cohort, mission, sophie, {ines: "logo", hugo: "affiche"}, ines)


def test_a_mission_not_open_to_volunteers_takes_no_team(cohort, mission, sophie, ines):
    mission.status = "draft"
    mission.save(update_fields=["status"])
    with pytest.raises(ActionRefused, match="ne reçoit plus de candidatures"):
        _propose(cohort, mission, sophie, {ines: "logo"}, ines)


def test_a_student_already_engaged_on_the_mission_is_refused(cohort, mission, sophie, ines, hugo):
    ApplicationFactory(mission=mission, volunteer=hugo)
    with pytest.raises(ActionRefused, match="Hugo Lefèvre a déjà une candidature"):
        _propose(cohort, mission, sophie, {ines: "logo", hugo: "affiche"}, ines)


def test_the_lead_must_be_in_the_team(cohort, mission, sophie, ines, hugo):
    with pytest.raises(ActionRefused, match="responsable doit faire partie"):
        _propose(cohort, mission, sophie, {ines: "logo"}, hugo)


def test_only_a_teacher_of_the_cohort_proposes_its_students(
    school, cohort, mission, ines, paul, lea
):
    colleague = UserFactory(full_name="Marc Colin")
    MembershipFactory(organization=school, user=colleague)
    CohortFactory(school=school, teachers=[colleague])
    for outsider in (colleague, paul, ines):
        with pytest.raises(ActionRefused, match="enseignant·e de la promotion"):
            _propose(cohort, mission, outsider, {ines: "logo"}, ines)


def test_a_cohort_proposes_one_team_per_mission(project, cohort, mission, sophie, ines):
    with pytest.raises(ActionRefused, match="déjà un projet"):
        _propose(cohort, mission, sophie, {ines: "logo"}, ines)


# --- the association's answer -------------------------------------------------------------------
def test_accepting_gives_each_student_her_engagement_and_the_team_one_agreement(
    accepted, mission, ines, hugo, nora, sophie
):
    applications = Application.objects.filter(mission=mission)
    assert {a.volunteer for a in applications} == {ines, hugo, nora}
    assert all(a.is_accepted for a in applications)
    team_agreement = Agreement.objects.get(covered_by=None)
    assert team_agreement.application.volunteer == ines
    assert team_agreement.cosigner == sophie
    assert accepted.agreement == team_agreement
    assert Agreement.objects.filter(covered_by=team_agreement).count() == 2
    assert accepted.is_accepted
    told = Notification.objects.filter(kind="class_project_accepted")
    assert {n.user for n in told} == {ines, hugo, nora, sophie}
    # E-mailed too (through the outbox, sent after the commit).
    assert set(OutgoingEmail.objects.values_list("to", flat=True)) >= {
        "ines@example.org",
        "sophie@example.org",
    }
    assert AuditEvent.objects.filter(verb="application.accepted").count() == 3
    assert AuditEvent.objects.filter(verb="class_project.accepted").count() == 1


def test_the_agreement_holds_once_the_association_the_lead_and_the_teacher_confirmed(
    accepted, mission, martine, ines, hugo, sophie
):
    team_agreement = accepted.agreement
    hugos = Agreement.objects.get(application__volunteer=hugo)
    agreement_confirm(agreement=team_agreement, by=martine)
    services.class_project_sign(project=accepted, by=ines)
    team_agreement.refresh_from_db()
    assert not team_agreement.is_confirmed
    assert not facts_of(Mission.objects.get(pk=mission.pk))["confirmed_agreement"]
    services.class_project_sign(project=accepted, by=sophie)
    team_agreement.refresh_from_db()
    hugos.refresh_from_db()
    assert team_agreement.is_confirmed and hugos.is_confirmed
    assert facts_of(Mission.objects.get(pk=mission.pk))["confirmed_agreement"]
    with pytest.raises(ActionRefused, match="toute l’équipe"):
        agreement_confirm(agreement=hugos, by=hugo)


def test_declining_tells_the_students_and_the_teacher_with_the_reason(
    project, yacine, ines, sophie, mission
):
    services.class_project_decline(project=project, by=yacine, reason="Déjà trouvé, merci !")
    assert project.status == ClassProject.Status.DECLINED
    told = Notification.objects.filter(kind="class_project_declined")
    assert {n.user for n in told} >= {ines, sophie}
    assert "Déjà trouvé" in told.get(user=ines).body
    assert not Application.objects.filter(mission=mission).exists()


def test_the_team_is_accepted_whole_or_not_at_all_when_places_ran_out(
    project, mission, martine, lea
):
    Application.objects.create(mission=mission, volunteer=lea, status="accepted")
    with pytest.raises(TeamFull):
        services.class_project_accept(project=project, by=martine)
    project.refresh_from_db()
    assert project.is_proposed
    assert Application.objects.filter(mission=mission).count() == 1


def test_only_the_association_answers_and_only_the_teacher_withdraws(project, sophie, bruno, ines):
    assert not CLASS_PROJECT.allows(project, "accept", sophie, is_association=False)
    with pytest.raises(ActionRefused):
        services.class_project_accept(project=project, by=bruno)
    with pytest.raises(ActionRefused):
        services.class_project_withdraw(project=project, by=ines)
    services.class_project_withdraw(project=project, by=sophie)
    assert project.status == ClassProject.Status.WITHDRAWN


# --- working together ---------------------------------------------------------------------------
def test_the_whole_team_shares_the_missions_conversation_but_not_the_teacher(
    accepted, mission, ines, hugo, nora, sophie, martine, yacine
):
    thread = thread_for_mission(mission)
    assert thread.application_id is None  # the team's own conversation
    people = participants(thread)
    assert {ines, hugo, nora, martine, yacine} <= set(people)
    assert sophie not in people


def test_each_student_delivers_and_gets_an_attestation_naming_the_project_and_her_role(
    accepted,
    mission,
    martine,
    ines,
    hugo,
    nora,
    sophie,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    settings.CREDENTIALS_KEY_FILE = tmp_path / "key.pem"
    generate_key_file(settings.CREDENTIALS_KEY_FILE)
    agreement_confirm(agreement=accepted.agreement, by=martine)
    services.class_project_sign(project=accepted, by=ines)
    services.class_project_sign(project=accepted, by=sophie)
    mission_start(mission=mission, by=martine)
    with django_capture_on_commit_callbacks(execute=True):
        for student in (ines, hugo, nora):
            application = Application.objects.get(mission=mission, volunteer=student)
            work_deliver(
                application=application, by=student, hours=12, links=["https://example.org/logo"]
            )
            completion_confirm(application=application, by=martine, hours=12)
    accepted.refresh_from_db()
    assert accepted.is_completed
    hugos = issue_for(Application.objects.get(mission=mission, volunteer=hugo))
    description = hugos.document["description"]
    assert "projet de classe « Identité des jardins »" in description
    assert "rôle « typographie »" in description
    page = hugos.document["evidence"][0]
    assert page["name"] == "Identité des jardins" and page["description"] == "typographie"


# --- the pages ----------------------------------------------------------------------------------
def test_the_teacher_proposes_her_team_through_the_form_without_javascript(
    client, cohort, mission, sophie, ines, hugo, martine
):
    client.force_login(sophie)
    url = reverse("schools:project_propose", args=[cohort.pk, mission.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Inès Moreau" in page.text and "Hugo Lefèvre" in page.text
    # Hugo is in the team without a role: the form says so and keeps what was typed.
    data = {
        "name": "Affiches du printemps",
        "message": "",
        f"in_{ines.pk}": "on",
        f"role_{ines.pk}": "direction artistique",
        f"in_{hugo.pk}": "on",
        "lead": str(ines.pk),
    }
    again = client.post(url, data)
    assert again.status_code == 200
    assert "Donnez un rôle à Hugo Lefèvre" in again.text
    assert 'value="direction artistique"' in again.text
    data[f"role_{hugo.pk}"] = "illustration"
    done = client.post(url, data)
    project = ClassProject.objects.get()
    assert done.status_code == 302 and done.url == project.get_absolute_url()
    assert {m.role for m in project.members.all()} == {"direction artistique", "illustration"}


def test_the_whole_cohort_can_be_proposed_at_once(client, cohort, mission, sophie, ines, hugo):
    client.force_login(sophie)
    url = reverse("schools:project_propose", args=[cohort.pk, mission.pk])
    client.post(
        url,
        {
            "name": "Toute la classe",
            "whole": "on",
            f"role_{ines.pk}": "logo",
            f"role_{hugo.pk}": "affiche",
            "lead": str(hugo.pk),
        },
    )
    project = ClassProject.objects.get()
    assert project.members.count() == 2 and project.lead == hugo


def test_the_mission_page_offers_a_teacher_to_propose_her_class(client, cohort, mission, sophie):
    client.force_login(sophie)
    page = client.get(reverse("missions:detail", args=[mission.pk]))
    assert reverse("schools:project_propose", args=[cohort.pk, mission.pk]) in page.text


def test_the_association_accepts_the_team_from_the_project_page(client, project, mission, martine):
    client.force_login(martine)
    applicants = client.get(reverse("engagements:applicants", args=[mission.pk]))
    assert project.get_absolute_url() in applicants.text
    page = client.get(project.get_absolute_url())
    assert "Accepter l’équipe" in page.text and "typographie" in page.text
    client.post(reverse("schools:project_accept", args=[project.pk]))
    project.refresh_from_db()
    assert project.is_accepted
    assert Application.objects.filter(mission=mission, status="accepted").count() == 3


def test_the_association_declines_the_team_with_a_word(client, project, martine):
    client.force_login(martine)
    client.post(reverse("schools:project_decline", args=[project.pk]), {"reason": "Merci !"})
    project.refresh_from_db()
    assert project.status == ClassProject.Status.DECLINED and project.answer == "Merci !"


def test_the_lead_and_the_teacher_confirm_the_agreement_on_the_project_page(
    client, accepted, ines, hugo, sophie
):
    for person in (ines, sophie):
        client.force_login(person)
        page = client.get(accepted.get_absolute_url())
        assert "Je confirme l’accord de l’équipe" in page.text
        client.post(reverse("schools:project_sign", args=[accepted.pk]))
    client.force_login(hugo)
    page = client.get(accepted.get_absolute_url())
    assert "Je confirme l’accord de l’équipe" not in page.text
    assert client.post(reverse("schools:project_sign", args=[accepted.pk])).status_code == 403
    accepted.agreement.refresh_from_db()
    assert accepted.agreement.volunteer_confirmed_at and accepted.agreement.cosigner_confirmed_at


@pytest.mark.parametrize(
    "who, status",
    [
        ("sophie", 200),  # teaches the cohort
        ("colleague", 404),  # teaches another cohort of the same school
        ("paul", 404),  # teaches at another school
        ("ines", 200),  # the lead
        ("hugo", 200),  # another member of the team
        ("martine", 200),  # the association
        ("bruno", 404),  # another association
        ("lea", 404),  # a stranger
    ],
)
def test_who_sees_a_class_project(client, request, project, school, who, status):
    if who == "colleague":
        user = UserFactory()
        MembershipFactory(organization=school, user=user)
        CohortFactory(school=school, teachers=[user])
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(project.get_absolute_url()).status_code == status


def test_a_teacher_of_another_cohort_cannot_open_the_team_form(client, school, cohort, mission):
    colleague = UserFactory()
    MembershipFactory(organization=school, user=colleague)
    client.force_login(colleague)
    url = reverse("schools:project_propose", args=[cohort.pk, mission.pk])
    assert client.get(url).status_code == 404


def test_the_team_form_does_not_grow_in_queries_with_the_cohort(
    client, cohort, mission, sophie, django_assert_max_num_queries
):
    for n in range(40):
        _student(cohort, f"Élève {n}", f"eleve{n}@example.org")
    client.force_login(sophie)
    with django_assert_max_num_queries(25):
        client.get(reverse("schools:project_propose", args=[cohort.pk, mission.pk]))


# --- personal data ------------------------------------------------------------------------------
def test_the_export_names_her_class_projects_and_deleting_her_account_takes_her_off_the_team(
    accepted, ines, hugo, nora, sophie, mission
):
    from accounts.services import user_delete, user_personal_data

    data = user_personal_data(user=hugo)["schools"]["class_projects"]
    assert data == [
        {
            "project": "Identité des jardins",
            "mission": mission.title,
            "role": "typographie",
            "lead": False,
            "status": "accepted",
        }
    ]
    assert user_personal_data(user=sophie)["schools"]["class_projects_proposed"][0]["message"]

    user_delete(user=ines)
    user_delete(user=sophie)

    accepted.refresh_from_db()
    assert accepted.lead is None and accepted.message == ""
    assert {m.student for m in accepted.members.all()} == {hugo, nora}
    # The association keeps the record of who helped.
    assert Application.objects.filter(mission=mission, status="accepted").count() == 3


def test_the_teacher_and_the_teammates_read_the_teams_agreement_and_the_teacher_confirms_it(
    client, accepted, hugo, sophie, lea
):
    url = reverse("engagements:agreement", args=[accepted.agreement.application_id])
    client.force_login(hugo)
    page = client.get(url)
    assert page.status_code == 200 and "Je confirme" not in page.text
    assert client.post(url).status_code == 403
    client.force_login(sophie)
    assert "Je confirme cet accord" in client.get(url).text
    client.post(url)
    accepted.agreement.refresh_from_db()
    assert accepted.agreement.cosigner_confirmed_at is not None
    client.force_login(lea)
    assert client.get(url).status_code == 403
    # Hugo's own agreement points to the team's.
    client.force_login(hugo)
    own = Application.objects.get(mission=accepted.mission, volunteer=hugo)
    page = client.get(reverse("engagements:agreement", args=[own.pk]))
    assert url in page.text


def test_the_team_shares_what_each_student_handed_over(
    client, accepted, mission, martine, ines, hugo, sophie, lea
):
    agreement_confirm(agreement=accepted.agreement, by=martine)
    services.class_project_sign(project=accepted, by=ines)
    services.class_project_sign(project=accepted, by=sophie)
    mission_start(mission=mission, by=martine)
    hugos = Application.objects.get(mission=mission, volunteer=hugo)
    work_deliver(application=hugos, by=hugo, hours=8, links=["https://example.org/typo"])
    client.force_login(ines)
    page = client.get(reverse("missions:detail", args=[mission.pk]))
    assert "Ce que votre équipe a remis" in page.text
    assert "https://example.org/typo" in page.text and "typographie" in page.text
    # Someone who merely applied to the mission sees nothing of it.
    client.force_login(lea)
    assert (
        "Ce que votre équipe a remis"
        not in client.get(reverse("missions:detail", args=[mission.pk])).text
    )


def test_a_teammate_opens_the_files_handed_over_and_an_outsider_does_not(
    client, accepted, mission, ines, hugo, lea, sophie
):
    from completion.models import Completion
    from completion.tests.factories import ImageDeliverableFactory

    hugos = Application.objects.get(mission=mission, volunteer=hugo)
    image = ImageDeliverableFactory(
        completion=Completion.objects.create(application=hugos, status="delivered")
    )
    url = reverse("completion:file", args=[image.pk])
    client.force_login(ines)
    assert client.get(url).status_code == 200
    for outsider in (lea, sophie):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
