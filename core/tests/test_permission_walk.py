"""Every page and button of the marketplace, tried by each kind of person.

One table says, for each address, what anonymous visitors, Léa (the mission's volunteer),
Karim (a volunteer with nothing to do with it), Bruno (another association's admin), Yacine
(a member of the mission's association) and a moderator get. "ok" is the page, "login" a
redirect to the login page, "no" a refusal (403 or 404, the latter where even the
existence of the thing is private), "go" a redirect elsewhere (a done action).
"""

from core.tests.helpers import client_for, outcome
from engagements.models import Application

ROLES = ["anonymous", "lea", "karim", "bruno", "yacine", "staff"]


# address: what anonymous, lea, karim, bruno, yacine, staff get.
PAGES = {
    "/": "ok ok ok ok ok ok",
    "/missions/": "ok ok ok ok ok ok",
    "/missions/mine/": "login ok ok ok ok ok",
    # Without an association, "new mission" leads to registering one first.
    "/missions/new/": "login go go ok ok go",
    "/missions/{mission}/": "ok ok ok ok ok ok",
    "/missions/{draft}/": "no no no no ok ok",
    "/missions/{draft}/edit/1/": "login no no no ok no",
    # Léa has applied already (→ her application); Bruno has no volunteer profile yet (→
    # the profile form); Yacine sees the page, which explains a member cannot apply.
    "/missions/{mission}/apply/": "login go ok go ok go",
    "/missions/{mission}/applications/": "login no no no ok no",
    "/missions/{mission}/invite/{karim}/": "login no no no ok no",
    # Only findable volunteers are named: not staff, nor a member without a profile.
    "/missions/{mission}/invite/{staff_user}/": "login no no no no no",
    "/missions/{mission}/invite/{bruno_user}/": "login no no no no no",
    "/applications/": "login ok ok ok ok ok",
    "/applications/{application}/": "login ok no no ok ok",
    "/applications/{application}/agreement/": "login ok no no ok ok",
    "/organizations/new/": "login ok ok ok ok ok",
    "/organizations/mine/": "login ok ok go go ok",
    "/organizations/{org}/": "ok ok ok ok ok ok",
    "/organizations/{org}/edit/": "login no no no no no",  # admins only: Martine
    "/organizations/{org}/members/": "login no no no ok ok",
    "/organizations/invitations/{invitation}/": "ok ok ok ok ok ok",
    "/profile/": "login ok ok ok ok ok",
    # A profile that is not public: its owner, the associations it applied to, staff.
    "/volunteers/{lea}/": "no ok no no ok ok",
    "/volunteers/{karim}/": "no no ok no no ok",
    "/messages/": "login ok ok ok ok ok",
    # Conversations are private, moderators included.
    "/messages/{thread}/": "login ok no no ok no",
    "/messages/{team}/": "login ok no no ok no",
    "/messages/attachments/{attachment}/": "login ok no no ok no",
    "/messages/application/{application}/": "login go no no go no",
    "/messages/mission/{mission}/": "login go no no go no",
    "/notifications/": "login ok ok ok ok ok",
    "/notifications/preferences/": "login ok ok ok ok ok",
    "/moderation/": "login no no no no ok",
    "/moderation/organizations/{org}/": "login no no no no ok",
    "/moderation/missions/{mission}/": "login no no no no ok",
    "/moderation/report/?mission={mission}": "login ok ok ok ok ok",
    "/moderation/reports/{report}/": "login no no no no ok",
    # The audit journal, whole or of one object: staff only.
    "/staff/audit/": "login no no no no ok",
    "/staff/audit/?target=missions.mission:{draft}": "login no no no no ok",
    "/geo/communes/?q=Paris": "ok ok ok ok ok ok",
}


def test_every_page_answers_each_person_as_the_table_says(world):
    differences = []
    for template, expected in PAGES.items():
        url = template.format(**world)
        for role, wanted in zip(ROLES, expected.split(), strict=True):
            got = outcome(client_for(world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def refused_then_done(
    world, url: str, data: dict, allowed: str, changed, also=(), roles=ROLES
) -> None:
    """Everyone but `allowed` (and `also`) is refused and nothing changes; then `allowed`
    does it."""
    for role in roles:
        if role == allowed or role in also:
            continue
        got = outcome(client_for(world["users"][role]).post(url, data))
        assert got in ("login", "no"), f"POST {url} as {role}: {got}"
        assert not changed(), f"POST {url} as {role} changed something"
    got = outcome(client_for(world["users"][allowed]).post(url, data))
    assert got == "go", f"POST {url} as {allowed}: {got}"
    assert changed()


def test_only_the_association_answers_and_invites(world):

    url = "/missions/{mission}/invite/{karim}/".format(**world)
    refused_then_done(
        world,
        url,
        {"message": "Votre profil nous plaît !"},
        "yacine",
        lambda: Application.objects.filter(volunteer_id=world["karim"]).exists(),
    )


def test_only_the_volunteer_withdraws_her_application(world):

    url = "/applications/{application}/answer/withdraw/".format(**world)
    refused_then_done(
        world,
        url,
        {},
        "lea",
        lambda: Application.objects.get(pk=world["application"]).status == "withdrawn",
    )


def test_only_members_change_the_state_of_a_mission(world):
    from missions.models import Mission

    url = "/missions/{draft}/transition/".format(**world)
    refused_then_done(
        world,
        url,
        {"target": "cancelled", "reason": "Plus besoin"},
        "yacine",
        lambda: Mission.objects.get(pk=world["draft"]).status == "cancelled",
    )


def test_only_participants_write_in_a_conversation(world):
    from messaging.models import Message

    url = "/messages/{thread}/".format(**world)
    refused_then_done(
        world,
        url,
        {"body": "Bonjour !"},
        "yacine",
        lambda: Message.objects.filter(body="Bonjour !").exists(),
        also=["lea"],
    )


def test_only_moderators_decide_on_a_mission(world):
    from missions.models import Mission

    Mission.objects.filter(pk=world["mission"]).update(status="submitted")
    url = "/moderation/missions/{mission}/".format(**world)
    refused_then_done(
        world,
        url,
        {"decision": "approve"},
        "staff",
        lambda: Mission.objects.get(pk=world["mission"]).status == "open",
    )


def test_only_the_owner_opens_a_notification(world):
    from notifications.models import Notification

    url = "/notifications/{notification}/open/".format(**world)
    refused_then_done(
        world,
        url,
        {},
        "lea",
        lambda: Notification.objects.get(pk=world["notification"]).read_at is not None,
    )


def test_plain_members_do_not_manage_the_association(world):
    from organizations.models import Membership

    url = "/organizations/{org}/members/{martine}/remove/".format(**world)
    for role in ROLES:
        got = outcome(client_for(world["users"][role]).post(url))
        assert got in ("login", "no"), f"POST {url} as {role}: {got}"
    assert Membership.objects.filter(pk=world["martine"]).exists()


# --- Schools: Sophie teaches the cohort Inès joined; Paul teaches at another school. -------
SCHOOL_ROLES = [*ROLES, "sophie", "paul", "ines"]

# address: what anonymous, lea, karim, bruno, yacine, staff, sophie, paul, ines get.
SCHOOL_PAGES = {
    "/schools/": "login ok ok ok ok ok ok ok ok",
    "/schools/{school}/cohorts/new/": "login no no no no no ok no no",
    # A cohort's page, its students included: the school's members only, moderators not.
    "/schools/cohorts/{cohort}/": "login no no no no no ok no no",
    "/schools/cohorts/{cohort}/edit/": "login no no no no no ok no no",
    "/schools/cohorts/{cohort}/students/{ines_place}/remove/": "login no no no no no ok no no",
    "/schools/cohorts/{other_cohort}/": "login no no no no no no ok no",
    # Only the student herself leaves.
    "/schools/cohorts/{cohort}/leave/": "login no no no no no no no ok",
    # Calls for needs: the school's members manage them; the associations of the call's
    # département (Yacine's, in Paris) propose a mission; Bruno's club, elsewhere, never sees it.
    "/schools/cohorts/{cohort}/calls/new/": "login no no no no no ok no no",
    "/schools/calls/{call}/": "login no no no no no ok no no",
    "/schools/calls/{call}/propose/": "login no no no ok no no no no",
    "/schools/join/": "ok ok ok ok ok ok ok ok ok",
    "/schools/join/{code}/": "ok ok ok ok ok ok ok ok ok",
}


def test_every_school_page_answers_each_person_as_the_table_says(school_world):
    differences = []
    for template, expected in SCHOOL_PAGES.items():
        url = template.format(**school_world)
        for role, wanted in zip(SCHOOL_ROLES, expected.split(), strict=True):
            got = outcome(client_for(school_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_only_the_schools_members_remove_a_student_or_change_the_code(school_world):
    from schools.models import Cohort, CohortMembership

    place = school_world["ines_place"]
    url = "/schools/cohorts/{cohort}/students/{ines_place}/remove/".format(**school_world)
    refused_then_done(
        school_world,
        url,
        {},
        "sophie",
        lambda: CohortMembership.objects.get(pk=place).status == "removed",
        roles=SCHOOL_ROLES,
    )
    url = "/schools/cohorts/{cohort}/code/".format(**school_world)
    refused_then_done(
        school_world,
        url,
        {},
        "sophie",
        lambda: Cohort.objects.get(pk=school_world["cohort"]).code != school_world["code"],
        roles=SCHOOL_ROLES,
    )


def test_only_the_student_leaves_her_cohort(school_world):
    from schools.models import CohortMembership

    place = school_world["ines_place"]
    refused_then_done(
        school_world,
        "/schools/cohorts/{cohort}/leave/".format(**school_world),
        {},
        "ines",
        lambda: CohortMembership.objects.get(pk=place).status == "left",
        roles=SCHOOL_ROLES,
    )


def test_only_the_schools_members_choose_missions_for_a_cohort(school_world):
    from schools.models import PinnedMission

    mission, cohort = school_world["mission"], school_world["cohort"]
    refused_then_done(
        school_world,
        "/schools/missions/{mission}/pin/".format(**school_world),
        {"cohort": cohort},
        "sophie",
        lambda: PinnedMission.objects.filter(cohort_id=cohort, mission_id=mission).exists(),
        roles=SCHOOL_ROLES,
    )
    refused_then_done(
        school_world,
        "/schools/cohorts/{cohort}/pins/{mission}/unpin/".format(**school_world),
        {},
        "sophie",
        lambda: not PinnedMission.objects.exists(),
        roles=SCHOOL_ROLES,
    )


def test_paul_cannot_choose_a_mission_for_another_schools_cohort(school_world):
    from schools.models import PinnedMission

    url = "/schools/missions/{mission}/pin/".format(**school_world)
    client = client_for(school_world["users"]["paul"])
    assert outcome(client.post(url, {"cohort": school_world["cohort"]})) == "no"
    assert not PinnedMission.objects.exists()


def test_only_an_association_of_the_area_proposes_a_mission_and_only_the_school_closes(
    school_world,
):
    from schools.models import CallForNeeds, CallResponse

    refused_then_done(
        school_world,
        "/schools/calls/{call}/propose/".format(**school_world),
        {"mission": school_world["draft"]},
        "yacine",
        lambda: CallResponse.objects.filter(mission_id=school_world["draft"]).exists(),
        roles=SCHOOL_ROLES,
    )
    refused_then_done(
        school_world,
        "/schools/calls/{call}/close/".format(**school_world),
        {},
        "sophie",
        lambda: CallForNeeds.objects.get(pk=school_world["call"]).status == "closed",
        roles=SCHOOL_ROLES,
    )


# --- Challenges: Sophie's school organises the night; Yacine's association brought a
# challenge; Bruno's association may bring one; Inès leads a team; Paul is of another school.
# address: what anonymous, lea, karim, bruno, yacine, staff, sophie, paul, ines get.
CHALLENGE_PAGES = {
    "/challenges/": "ok ok ok ok ok ok ok ok ok",
    "/challenges/new/{school}/": "login no no no no no ok no no",
    "/challenges/{event}/": "ok ok ok ok ok ok ok ok ok",
    # A draft is its organiser's alone, moderators not included.
    "/challenges/{draft_event}/": "no no no no no no ok no no",
    "/challenges/{event}/edit/": "login no no no no no ok no no",
    "/challenges/{event}/challenges/": "login no no no no no ok no no",
    "/challenges/{event}/teams/": "login no no no no no ok no no",
    # Members of an association bring a challenge.
    "/challenges/{event}/propose/": "login no no ok ok no no no no",
    # Only a registered student creates a team.
    "/challenges/{event}/teams/new/": "login no no no no no no no ok",
    # A team's page: its members and the organiser.
    "/challenges/teams/{student_team}/": "login no no no no no ok no ok",
    "/challenges/join/": "ok ok ok ok ok ok ok ok ok",
    "/challenges/join/{team_code}/": "ok ok ok ok ok ok ok ok ok",
    # A team's answer before the deadline: its members only (Inès), not even the organiser.
    "/challenges/teams/{running_team}/submission/": "login no no no no no no no ok",
    "/challenges/teams/{running_team}/submission/files/{running_file}/": (
        "login no no no no no no no ok"
    ),
    "/challenges/{running_event}/submissions/": "login no no no no no ok no no",
    # Results out: the organiser and the association of the challenge (Yacine) read it too;
    # another team (Léa's) never does.
    "/challenges/teams/{finished_team}/submission/": "login no no no ok no ok no ok",
    "/challenges/teams/{finished_team}/submission/files/{finished_file}/": (
        "login no no no ok no ok no ok"
    ),
    "/challenges/{finished_event}/submissions/": "login no no no no no ok no no",
    # After the event: who reads the answer sees « turn it into a mission » (only the
    # association's admins may do it: the others are told why); the organiser's follow-up.
    "/challenges/teams/{finished_team}/to-mission/": "login no no no ok no ok no ok",
    "/challenges/{finished_event}/followups/": "login no no no no no ok no no",
    # A student's choice to show her team's answer in her book: hers (Inès) only.
    "/book/answers/{finished_team}/": "login no no no no no no no ok",
    # The jury (Karim assigned, Bruno not assigned, Yacine conflicted): the organiser's page;
    # a juror's list; Karim's scoring page; an answer to a juror it is assigned to only.
    "/challenges/{judging_event}/jury/": "login no no no no no ok no no",
    "/challenges/{judging_event}/scoring/": "login no ok ok ok no no no no",
    "/challenges/scores/{karim_assignment}/": "login no ok no no no no no no",
    "/challenges/teams/{judging_team}/submission/": "login no ok no no no ok no ok",
    "/challenges/teams/{judging_team}/submission/files/{judging_file}/": (
        "login no ok no no no ok no ok"
    ),
    # Results: nobody before they are published; everyone after.
    "/challenges/{judging_event}/results/": "no no no no no no no no no",
    "/challenges/{finished_event}/results/": "ok ok ok ok ok ok ok ok ok",
    # An invitation to the jury: whoever holds the link sees whom to log in as.
    "/challenges/jury/{juror_token}/": "ok ok ok ok ok ok ok ok ok",
}


def test_every_challenge_page_answers_each_person_as_the_table_says(challenge_world):
    differences = []
    for template, expected in CHALLENGE_PAGES.items():
        url = template.format(**challenge_world)
        for role, wanted in zip(SCHOOL_ROLES, expected.split(), strict=True):
            got = outcome(client_for(challenge_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_only_the_assigned_juror_scores_and_only_the_organiser_runs_the_jury(challenge_world):
    from challenges.models import Juror, Score

    world = challenge_world
    data = {
        "value_{criterion_a}".format(**world): "4",
        "value_{criterion_b}".format(**world): "5",
        "comment_{criterion_a}".format(**world): "Très utile",
    }
    refused_then_done(
        world,
        "/challenges/scores/{karim_assignment}/".format(**world),
        data,
        "karim",
        lambda: Score.objects.filter(assignment_id=world["karim_assignment"]).count() == 2,
        roles=SCHOOL_ROLES,
    )
    refused_then_done(
        world,
        "/challenges/{judging_event}/jury/invite/".format(**world),
        {"email": "autre-jure@example.org"},
        "sophie",
        lambda: Juror.objects.filter(email="autre-jure@example.org").exists(),
        roles=SCHOOL_ROLES,
    )


def test_only_the_organiser_answers_a_challenge_and_moves_the_event(challenge_world):
    from challenges.models import Challenge, Event

    refused_then_done(
        challenge_world,
        "/challenges/challenge/{submitted}/accept/".format(**challenge_world),
        {},
        "sophie",
        lambda: Challenge.objects.get(pk=challenge_world["submitted"]).status == "accepted",
        roles=SCHOOL_ROLES,
    )
    refused_then_done(
        challenge_world,
        "/challenges/{draft_event}/step/publish/".format(**challenge_world),
        {},
        "sophie",
        lambda: Event.objects.get(pk=challenge_world["draft_event"]).status == "published",
        roles=SCHOOL_ROLES,
    )


def test_only_its_association_withdraws_a_challenge(challenge_world):
    from challenges.models import Challenge

    refused_then_done(
        challenge_world,
        "/challenges/challenge/{accepted}/withdraw/".format(**challenge_world),
        {},
        "yacine",
        lambda: Challenge.objects.get(pk=challenge_world["accepted"]).status == "withdrawn",
        roles=SCHOOL_ROLES,
    )


def test_only_a_member_leaves_her_team(challenge_world):
    from challenges.models import Registration

    refused_then_done(
        challenge_world,
        "/challenges/teams/{student_team}/leave/".format(**challenge_world),
        {},
        "ines",
        lambda: (
            Registration.objects.get(
                student=challenge_world["users"]["ines"], event_id=challenge_world["event"]
            ).team
            is None
        ),
        roles=SCHOOL_ROLES,
    )


def test_only_a_member_hands_in_her_teams_answer(challenge_world):
    from challenges.models import Submission

    refused_then_done(
        challenge_world,
        "/challenges/teams/{running_team}/submission/".format(**challenge_world),
        {"description": "Une affiche revue.", "links": ""},
        "ines",
        lambda: Submission.objects.filter(description="Une affiche revue.").exists(),
        roles=SCHOOL_ROLES,
    )


def test_only_the_associations_admin_turns_an_answer_into_a_mission(challenge_world):
    from challenges.models import Team

    team = challenge_world["finished_team"]
    refused_then_done(
        challenge_world,
        f"/challenges/teams/{team}/to-mission/",
        {},
        "martine",
        lambda: Team.objects.get(pk=team).mission_id is not None,
        roles=[*SCHOOL_ROLES, "martine"],
    )


def test_only_a_member_shows_her_teams_answer_in_her_book(challenge_world):
    from portfolio.models import BookAnswer

    refused_then_done(
        challenge_world,
        "/book/answers/{finished_team}/".format(**challenge_world),
        {"shown": "on"},
        "ines",
        lambda: BookAnswer.objects.filter(team=challenge_world["finished_team"]).exists(),
        roles=SCHOOL_ROLES,
    )


def test_nobody_revises_an_answer_once_the_deadline_has_passed(challenge_world):
    from challenges.models import Submission

    url = "/challenges/teams/{finished_team}/submission/".format(**challenge_world)
    for role in SCHOOL_ROLES:
        client_for(challenge_world["users"][role]).post(url, {"description": "Trop tard"})
    assert not Submission.objects.filter(description="Trop tard").exists()


# --- Class projects: Sophie proposed two teams of her cohort (Inès leads, Hugo is in both) to
# Yacine's association; Marc teaches another cohort of the same school; Paul another school.
CLASS_ROLES = [*SCHOOL_ROLES, "colleague", "hugo"]

# address: what anonymous, lea, karim, bruno, yacine, staff, sophie, paul, ines, colleague,
# hugo get.
CLASS_PAGES = {
    # The team form: the cohort's own teachers only.
    "/schools/cohorts/{cohort}/missions/{proposed_mission}/team/": (
        "login no no no no no ok no no no no"
    ),
    # A project: its teacher, its students, the association; nobody else, staff included.
    "/schools/projects/{proposed}/": "login no no no ok no ok no ok no ok",
    "/schools/projects/{accepted}/": "login no no no ok no ok no ok no ok",
    "/schools/projects/{proposed}/decline/": "login no no no ok no no no no no no",
    # The team's agreement: the association, the lead and her teammates, the teacher who
    # confirms it, staff; her application itself stays hers and the association's.
    "/applications/{team_agreement}/agreement/": "login no no no ok ok ok no ok no ok",
    "/applications/{team_agreement}/": "login no no no ok ok no no ok no no",
    # The team's conversation: the students and the association, never the teacher.
    "/messages/{class_thread}/": "login no no no ok no no no ok no ok",
}


def test_every_class_project_page_answers_each_person_as_the_table_says(class_world):
    differences = []
    for template, expected in CLASS_PAGES.items():
        url = template.format(**class_world)
        for role, wanted in zip(CLASS_ROLES, expected.split(), strict=True):
            got = outcome(client_for(class_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_only_the_association_answers_a_team_and_only_its_teacher_withdraws_it(class_world):
    from schools.models import ClassProject

    def status():
        return ClassProject.objects.get(pk=class_world["proposed"]).status

    url = "/schools/projects/{proposed}/withdraw/".format(**class_world)
    refused_then_done(
        class_world, url, {}, "sophie", lambda: status() == "withdrawn", roles=CLASS_ROLES
    )
    ClassProject.objects.filter(pk=class_world["proposed"]).update(status="proposed")
    url = "/schools/projects/{proposed}/accept/".format(**class_world)
    refused_then_done(
        class_world, url, {}, "yacine", lambda: status() == "accepted", roles=CLASS_ROLES
    )


def test_only_the_lead_the_teacher_and_the_association_confirm_the_teams_agreement(class_world):
    from engagements.models import Agreement

    def agreement():
        return Agreement.objects.get(class_project=class_world["accepted"])

    url = "/schools/projects/{accepted}/sign/".format(**class_world)
    refused_then_done(
        class_world,
        url,
        {},
        "ines",
        lambda: agreement().volunteer_confirmed_at is not None,
        also=("sophie", "yacine"),
        roles=CLASS_ROLES,
    )
    for role in ("sophie", "yacine"):
        assert outcome(client_for(class_world["users"][role]).post(url)) == "go"
    assert agreement().is_confirmed


# --- Teaching: Sophie teaches Inès's cohort, Claire another cohort of the same school, Paul
# one of another school; Yacine's association had Inès on a mission; Karim is a stranger.
TEACHING_ROLES = [*SCHOOL_ROLES, "claire"]

# address: what anonymous, lea, karim, bruno, yacine, staff, sophie, paul, ines, claire get.
TEACHING_PAGES = {
    # The list of one's cohorts: empty for whoever teaches none.
    "/teaching/": "login ok ok ok ok ok ok ok ok ok",
    # A cohort's dashboard, its export and its validations: its teachers only, moderators
    # and the other teachers of the school not included.
    "/teaching/cohorts/{cohort}/": "login no no no no no ok no no no",
    "/teaching/cohorts/{cohort}/export.csv": "login no no no no no ok no no no",
    "/teaching/cohorts/{cohort}/engagements/{ines_work}/validation/": (
        "login no no no no no ok no no no"
    ),
    "/teaching/cohorts/{mmi}/": "login no no no no no no no no ok",
    # Inès's mission is not the work of Claire's cohort.
    "/teaching/cohorts/{mmi}/engagements/{ines_work}/validation/": (
        "login no no no no no no no no no"
    ),
    # Her private profile: herself, the association she worked for, staff, and the teachers
    # of the cohort she is in; not the other teachers of her school.
    "/volunteers/{ines}/": "no no no no ok ok ok no ok no",
    # Her conversation with the association stays theirs: no teacher reads it.
    "/messages/{ines_thread}/": "login no no no ok no no no ok no",
}


def test_every_teaching_page_answers_each_person_as_the_table_says(teaching_world):
    differences = []
    for template, expected in TEACHING_PAGES.items():
        url = template.format(**teaching_world)
        for role, wanted in zip(TEACHING_ROLES, expected.split(), strict=True):
            got = outcome(client_for(teaching_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_only_the_cohorts_teacher_validates_and_no_private_message_leaks(teaching_world):
    from teaching.models import Validation

    url = "/teaching/cohorts/{cohort}/engagements/{ines_work}/validation/".format(**teaching_world)
    refused_then_done(
        teaching_world,
        url,
        {"verdict": "validated", "comment": "Bravo."},
        "sophie",
        lambda: Validation.objects.filter(application_id=teaching_world["ines_work"]).exists(),
        roles=TEACHING_ROLES,
    )
    sophie = client_for(teaching_world["users"]["sophie"])
    for template in TEACHING_PAGES:
        if template.startswith("/teaching/"):
            text = sophie.get(template.format(**teaching_world)).content.decode()
            assert "06 12 34 56 78" not in text, template


# --- Territories: Claire administers the Rhône, whose territorial moderator is Marc; Nora
# and Sami are mediators of Vénissieux, Nora with the consent of Odette's association. -----
TERRITORY_ROLES = ["anonymous", "lea", "staff", "claire", "marc", "nora", "sami", "odette"]

# address: what anonymous, lea, staff, claire, marc, nora, sami, odette get.
TERRITORY_PAGES = {
    "/territories/{rhone}/": "login no no ok ok no no no",
    "/territories/{rhone}/edit/": "login no no ok no no no no",
    "/territories/{rhone}/moderators/": "login no no ok ok no no no",
    "/territories/{venissieux}/mediators/": "login no no no no ok ok no",
    "/territories/associations/{garden}/help/": "login no no no no no no ok",
    "/territories/associations/{garden}/done-for-you/": "login no no no no no no ok",
    "/territories/helping/": "login no no no no ok ok no",
    # Marc moderates the Rhône's associations only; reports stay the staff's.
    "/moderation/": "login no ok no ok no no no",
    "/moderation/organizations/{garden}/": "login no ok no ok no no no",
    "/moderation/organizations/{org}/": "login no ok no no no no no",
    "/moderation/missions/{garden_submitted}/": "login no ok no ok no no no",
    "/moderation/missions/{draft}/": "login no ok no no no no no",
    "/moderation/reports/{report}/": "login no ok no no no no no",
    # Nora acts for Odette's association as a member would; Sami, without consent, cannot.
    "/missions/{garden_draft}/": "no no ok no no ok no ok",
    "/missions/{garden_draft}/edit/1/": "login no no no no ok no ok",
    "/missions/{garden_submitted}/": "no no ok no ok ok no ok",
    "/missions/mine/": "login ok ok ok ok ok ok ok",
}


def test_every_territory_page_answers_each_person_as_the_table_says(territory_world):
    differences = []
    for template, expected in TERRITORY_PAGES.items():
        url = template.format(**territory_world)
        for role, wanted in zip(TERRITORY_ROLES, expected.split(), strict=True):
            got = outcome(client_for(territory_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_after_revoking_her_consent_the_mediator_has_no_access_at_all(territory_world):
    from territories.models import Consent

    odette, nora = territory_world["users"]["odette"], territory_world["users"]["nora"]
    url = "/territories/consents/{consent}/revoke/".format(**territory_world)
    for role in ("lea", "claire", "marc", "nora", "sami"):
        got = outcome(client_for(territory_world["users"][role]).post(url))
        assert got == "no", f"POST {url} as {role}: {got}"
    assert outcome(client_for(odette).post(url)) == "go"
    assert Consent.objects.get(pk=territory_world["consent"]).revoked_at is not None
    for template in ("/missions/{garden_draft}/", "/missions/{garden_draft}/edit/1/"):
        assert outcome(client_for(nora).get(template.format(**territory_world))) == "no"


def test_only_the_authoritys_admin_appoints_and_ends_roles(territory_world):
    from territories.models import TerritorialModerator

    marc = territory_world["users"]["marc"]
    appointment = TerritorialModerator.objects.get(user=marc)
    url = "/territories/{rhone}/moderators/{pk}/end/".format(pk=appointment.pk, **territory_world)
    for role in ("lea", "staff", "marc", "nora", "odette"):
        got = outcome(client_for(territory_world["users"][role]).post(url))
        assert got in ("login", "no"), f"POST {url} as {role}: {got}"
    assert outcome(client_for(territory_world["users"]["claire"]).post(url)) == "go"
    appointment.refresh_from_db()
    assert appointment.ended_at is not None


# --- Packs numériques: Hugo administers Vénissieux (Nora is an agent), which proposes a pack
# to its citizen associations and prepares another; Claire administers the Rhône; Odette
# (admin) and Gaston (member) belong to an eligible association; Paula (professional) and
# Louis (in Lyon) administer associations the pack is not for. -----------------------------
PACK_ROLES = [
    "anonymous",
    "lea",
    "staff",
    "hugo",
    "nora",
    "claire",
    "odette",
    "gaston",
    "paula",
    "louis",
]

# address: what anonymous, lea, staff, hugo, nora, claire, odette, gaston, paula, louis get.
PACK_PAGES = {
    "/territories/{venissieux}/packs/": "login no no ok ok no no no no no",
    "/territories/{venissieux}/packs/new/": "login no no ok no no no no no no",
    "/territories/{venissieux}/packs/{pack}/": "login no no ok ok no no no no no",
    "/territories/{venissieux}/packs/{pack}/edit/": "login no no ok no no no no no no",
    "/territories/{venissieux}/packs/{draft_pack}/": "login no no ok ok no no no no no",
    "/territories/{venissieux}/packs/{draft_pack}/edit/": "login no no ok no no no no no no",
    # Another authority's pack, under Claire's own address: nobody.
    "/territories/{rhone}/packs/{pack}/": "login no no no no no no no no no",
    # The pack as associations see it: those it is for, and the authority's agents.
    "/territories/packs/{pack}/": "login no no ok ok no ok ok no no",
    "/territories/packs/{draft_pack}/": "login no no ok ok no no no no no",
}


def test_every_pack_page_answers_each_person_as_the_table_says(pack_world):
    differences = []
    for template, expected in PACK_PAGES.items():
        url = template.format(**pack_world)
        for role, wanted in zip(PACK_ROLES, expected.split(), strict=True):
            got = outcome(client_for(pack_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_only_the_authoritys_admin_proposes_edits_and_closes_its_pack(pack_world):
    from territories.models import Pack
    from territories.tests.packs_scene import pack_data

    draft = Pack.objects.get(pk=pack_world["draft_pack"])
    data = pack_data(title="Pack renommé")
    form = {
        **data,
        "templates": [t.pk for t in data["templates"]],
        "opens_on": data["opens_on"].isoformat(),
        "closes_on": data["closes_on"].isoformat(),
    }
    edit = "/territories/{venissieux}/packs/{draft_pack}/edit/".format(**pack_world)
    refused_then_done(
        pack_world,
        edit,
        form,
        "hugo",
        lambda: Pack.objects.filter(pk=draft.pk, title="Pack renommé").exists(),
        roles=PACK_ROLES,
    )
    for action, state in (("publish", "published"), ("close", "closed")):
        url = f"/territories/{{venissieux}}/packs/{{draft_pack}}/{action}/".format(**pack_world)
        refused_then_done(
            pack_world,
            url,
            {},
            "hugo",
            lambda state=state: Pack.objects.get(pk=draft.pk).status == state,
            roles=PACK_ROLES,
        )


def test_only_an_admin_of_an_eligible_association_claims_the_pack(pack_world):
    from territories.models import PackClaim

    url = "/territories/packs/{pack}/claim/".format(**pack_world)
    for role, association in (
        ("anonymous", "garden"),
        ("gaston", "garden"),  # a member, not an admin: 403 with the reason
        ("louis", "garden"),  # not his association: 404
        ("louis", "theatre"),  # his, out of the territory: 403
        ("paula", "pro"),  # hers, professional: 403
        ("hugo", "garden"),
        ("staff", "garden"),
    ):
        got = outcome(
            client_for(pack_world["users"][role]).post(
                url, {"association": pack_world[association]}
            )
        )
        assert got in ("login", "no"), f"POST {url} as {role} for {association}: {got}"
    assert not PackClaim.objects.exists()
    got = outcome(
        client_for(pack_world["users"]["odette"]).post(url, {"association": pack_world["garden"]})
    )
    assert got == "go"
    assert PackClaim.objects.get().association.slug == pack_world["garden"]


# --- Impact: how the value is computed (anyone), the hourly rates (staff), and the
# question « do you still use it? » about a completed mission, for its association's admins
# only (Martine; Yacine, a plain member, is refused). ---------------------------------------
IMPACT_ROLES = [*ROLES, "martine"]

# address: what anonymous, lea, karim, bruno, yacine, staff, martine get.
IMPACT_PAGES = {
    "/impact/": "ok ok ok ok ok ok ok",
    "/impact/rates/": "login no no no no ok no",
    "/impact/adoption/{adoption}/": "login no no no no no ok",
    "/": "ok ok ok ok ok ok ok",
}


def test_every_impact_page_answers_each_person_as_the_table_says(impact_world):
    differences = []
    for template, expected in IMPACT_PAGES.items():
        url = template.format(**impact_world)
        for role, wanted in zip(IMPACT_ROLES, expected.split(), strict=True):
            got = outcome(client_for(impact_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_only_the_associations_admin_answers_and_only_staff_change_a_rate(impact_world):
    from impact.models import AdoptionCheck, HourlyRate

    refused_then_done(
        impact_world,
        "/impact/adoption/{adoption}/".format(**impact_world),
        {"answer": "partly"},
        "martine",
        lambda: AdoptionCheck.objects.get(pk=impact_world["adoption"]).answer == "partly",
        roles=IMPACT_ROLES,
    )
    rate = HourlyRate.objects.get(domain__slug="web")
    refused_then_done(
        impact_world,
        f"/impact/rates/{rate.pk}/",
        {f"rate-{rate.pk}-rate": "66", f"rate-{rate.pk}-source": "462 € ÷ 7 h."},
        "staff",
        lambda: HourlyRate.objects.get(pk=rate.pk).rate == 66,
        roles=IMPACT_ROLES,
    )


# --- Companies: Sandrine manages the Imprimerie Martin, Gilles another company; Julie, its
# employee, gives Tuesdays to Yacine's association (a talent solidaire); Thomas, its employee,
# waits for his time to be approved. -----------------------------------------------------------
COMPANY_ROLES = ["anonymous", "lea", "staff", "yacine", "sandrine", "gilles", "julie", "thomas"]

# address: what anonymous, lea, staff, yacine, sandrine, gilles, julie, thomas get.
COMPANY_PAGES = {
    "/companies/": "login ok ok ok ok ok ok ok",
    # The company's space and all it holds (the valuation of its people's time): its
    # managers only, not staff, not another company's, not its employees.
    "/companies/{company}/": "login no no no ok no no no",
    "/companies/{company}/employees/": "login no no no ok no no no",
    "/companies/{company}/employees/{julie_employment}/remove/": "login no no no ok no no no",
    "/companies/{company}/requests/": "login no no no ok no no no",
    "/companies/{company}/programmes/new/": "login no no no ok no no no",
    "/companies/{company}/dashboard/": "login no no no ok no no no",
    "/companies/{company}/statements/": "login no no no ok no no no",
    "/companies/{company}/statements/{org}/{year}.csv": "login no no no ok no no no",
    "/companies/{company}/statements/{org}/{year}.pdf": "login no no no ok no no no",
    "/companies/programmes/{programme}/": "login no no no ok no no no",
    "/companies/programmes/{programme}/edit/": "login no no no ok no no no",
    # The association's side: its attestations of the help received, its members only.
    "/companies/help/{org}/": "login no no ok no no no no",
    "/companies/help/{org}/{company}/{year}.pdf": "login no no ok no no no no",
    # A talent solidaire: its three sides (the association, the employee, her managers).
    "/companies/recurring/{recurring}/": "login no no ok ok no ok no",
    # Julie's application: hers and the association's, as any application.
    "/applications/{julie_application}/": "login no ok ok no no ok no",
    # The invitation link and a manager's signed link work for whoever holds them.
    "/companies/join/{invite_token}/": "ok ok ok ok ok ok ok ok",
    "/companies/approvals/{approval_token}/": "ok ok ok ok ok ok ok ok",
    "/companies/employments/{julie_employment}/leave/": "login no no no no no ok no",
}


def test_every_company_page_answers_each_person_as_the_table_says(company_world):
    differences = []
    for template, expected in COMPANY_PAGES.items():
        url = template.format(**company_world)
        for role, wanted in zip(COMPANY_ROLES, expected.split(), strict=True):
            got = outcome(client_for(company_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_only_the_companys_manager_approves_time(company_world):
    from companies.models import Sponsorship

    url = "/companies/requests/{thomas_request}/approve/".format(**company_world)
    refused_then_done(
        company_world,
        url,
        {},
        "sandrine",
        lambda: Sponsorship.objects.get(pk=company_world["thomas_request"]).is_approved,
        roles=COMPANY_ROLES,
    )


def test_only_the_association_confirms_a_months_hours(company_world):
    from datetime import timedelta

    from django.utils import timezone

    from companies.models import CheckIn

    url = "/companies/recurring/{recurring}/".format(**company_world)
    first = timezone.localdate().replace(day=1)
    next_month = (first.replace(day=28) + timedelta(days=7)).replace(day=1)
    CheckIn.objects.filter(month=first).delete()
    data = {"month": f"{first:%Y-%m}", "hours": "12"}
    for role in ("anonymous", "lea", "staff", "sandrine", "gilles", "julie", "thomas"):
        client_for(company_world["users"][role]).post(url, data)
        assert not CheckIn.objects.exists(), role
    assert outcome(client_for(company_world["users"]["yacine"]).post(url, data)) == "go"
    assert CheckIn.objects.get().hours == 12
    # A month still to come waits for its turn.
    data = {"month": f"{next_month:%Y-%m}", "hours": "12"}
    client_for(company_world["users"]["yacine"]).post(url, data)
    assert CheckIn.objects.count() == 1


def test_only_the_employee_leaves_and_only_managers_set_a_cost(company_world):
    from companies.models import Employee

    def employee():
        return Employee.objects.get(pk=company_world["julie_employment"])

    url = "/companies/{company}/employees/{julie_employment}/cost/".format(**company_world)
    refused_then_done(
        company_world,
        url,
        {"hourly_cost": "55"},
        "sandrine",
        lambda: employee().hourly_cost == 55,
        roles=COMPANY_ROLES,
    )
    url = "/companies/employments/{julie_employment}/leave/".format(**company_world)
    refused_then_done(
        company_world, url, {}, "julie", lambda: not employee().is_joined, roles=COMPANY_ROLES
    )


# --- The territory's dashboard: aggregates for the authority's agents. Claire (admin) and
# Marc (agent) of the Rhône, Hugo and Nora agents of Vénissieux, Odette a member of an
# association of Vénissieux; staff keep the national view. --------------------------------
DASHBOARD_ROLES = ["anonymous", "lea", "staff", "claire", "marc", "hugo", "nora", "odette"]

# address: what anonymous, lea, staff, claire, marc, hugo, nora, odette get.
DASHBOARD_PAGES = {
    "/territories/{rhone}/dashboard/": "login no ok ok ok no no no",
    "/territories/{rhone}/dashboard/?period=month&year=2026&month=3": "login no ok ok ok no no no",
    "/territories/{rhone}/dashboard/period/": "login no ok ok ok no no no",
    "/territories/{rhone}/dashboard/communes.csv": "login no ok ok ok no no no",
    "/territories/{rhone}/dashboard/diagnoses.csv": "login no ok ok ok no no no",
    "/territories/{rhone}/dashboard/report.pdf": "login no ok ok ok no no no",
    "/territories/{venissieux}/dashboard/": "login no ok no no ok ok no",
    "/territories/{venissieux}/dashboard/rates.csv": "login no ok no no ok ok no",
    "/territories/{venissieux}/dashboard/report.pdf": "login no ok no no ok ok no",
    # An association's slug is not an authority's: nobody finds a dashboard there.
    "/territories/{garden}/dashboard/": "login no no no no no no no",
}


def test_every_dashboard_address_answers_each_person_as_the_table_says(territory_world):
    differences = []
    for template, expected in DASHBOARD_PAGES.items():
        url = template.format(**territory_world)
        for role, wanted in zip(DASHBOARD_ROLES, expected.split(), strict=True):
            got = outcome(client_for(territory_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


# --- Quick help (quickhelp/tests/scene.py): Martine's association asked; Nina, a volunteer
# of spreadsheets, answered one question (its public answer is a draft), took a call on
# another, and a third's answer is published; Bruno's association and Léa (a designer, not
# of this topic) are strangers to them. ---------------------------------------------------
QUICKHELP_ROLES = ["anonymous", "martine", "bruno", "nina", "lea", "staff"]

# address: what anonymous, martine, bruno, nina, lea, staff get.
QUICKHELP_PAGES = {
    "/coup-de-main/": "ok ok ok ok ok ok",
    # Without an association, asking leads to registering one first.
    "/coup-de-main/demander/": "login ok ok go go go",
    "/coup-de-main/mes-questions/": "login ok ok ok ok ok",
    "/coup-de-main/questions/{qh_question}/": "login ok no ok no ok",
    "/coup-de-main/questions/{qh_open}/": "login ok no ok no ok",
    "/coup-de-main/questions/{qh_call}/": "login ok no ok no ok",
    # The invitation: the two sides of the call only.
    "/coup-de-main/questions/{qh_call}/appel.ics": "login ok no ok no no",
    # The answer being made impersonal: the association, its helper, the moderators.
    "/coup-de-main/publications/{qh_draft}/": "login ok no ok no ok",
    # Before publication, the answer is nobody's page; after, everybody's.
    "/coup-de-main/reponses/{qh_draft_slug}/": "no no no no no no",
    "/coup-de-main/reponses/{qh_published_slug}/": "ok ok ok ok ok ok",
    "/coup-de-main/relecture/": "login no no no no ok",
}


def test_every_quickhelp_page_answers_each_person_as_the_table_says(quickhelp_world):
    differences = []
    for template, expected in QUICKHELP_PAGES.items():
        url = template.format(**quickhelp_world)
        for role, wanted in zip(QUICKHELP_ROLES, expected.split(), strict=True):
            got = outcome(client_for(quickhelp_world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_only_a_volunteer_of_the_topic_answers_and_only_the_association_closes(quickhelp_world):
    from quickhelp.models import Answer, Question

    world = quickhelp_world
    url = "/coup-de-main/questions/{qh_open}/repondre/".format(**world)
    refused_then_done(
        world,
        url,
        {"body": "Voici comment faire."},
        "nina",
        lambda: Answer.objects.filter(question_id=world["qh_open"]).exists(),
        roles=QUICKHELP_ROLES,
    )
    url = "/coup-de-main/questions/{qh_open}/fermer/".format(**world)
    refused_then_done(
        world,
        url,
        {},
        "martine",
        lambda: Question.objects.get(pk=world["qh_open"]).status == "closed",
        roles=QUICKHELP_ROLES,
    )


def test_only_a_moderator_publishes_an_answer(quickhelp_world):
    from quickhelp.models import PublicAnswer

    world = quickhelp_world
    draft = PublicAnswer.objects.get(pk=world["qh_draft"])
    PublicAnswer.objects.filter(pk=draft.pk).update(status="submitted")
    url = "/coup-de-main/publications/{qh_draft}/relecture/".format(**world)
    refused_then_done(
        world,
        url,
        {"publish": "1"},
        "staff",
        lambda: PublicAnswer.objects.get(pk=draft.pk).status == "published",
        roles=QUICKHELP_ROLES,
    )


# --- The API (/api/v1/): no token, Léa's read token, Léa's write token, Karim's write token
# (another person's). The API never reads the session: the token says who calls. "401" no
# valid token; writes are each tried on a copy of the scene (rolled back). ---------------
API_ROLES = ["none", "read", "write", "other"]

# (method, address): what no token, a read token, a write token, another's token get.
API_CALLS = {
    ("get", "/api/v1/missions"): "ok ok ok ok",
    ("get", "/api/v1/missions?q=logo&departement=75&limit=5"): "ok ok ok ok",
    ("get", "/api/v1/missions/{mission}"): "ok ok ok ok",
    # Public states only, whoever asks: a draft is nobody's business through the API.
    ("get", "/api/v1/missions/{draft}"): "no no no no",
    ("get", "/api/v1/associations/{org}"): "ok ok ok ok",
    ("get", "/api/v1/templates"): "ok ok ok ok",
    ("get", "/api/v1/skills"): "ok ok ok ok",
    ("get", "/api/v1/causes"): "ok ok ok ok",
    ("get", "/api/v1/me"): "401 ok ok ok",
    ("get", "/api/v1/me/applications"): "401 ok ok ok",
    # Léa is already in the team (409, as the page refuses); Karim's offer goes through.
    ("post", "/api/v1/missions/{mission}/applications"): "401 no 409 201",
    ("post", "/api/v1/missions/{draft}/applications"): "401 no no no",
    # Léa's application: hers to withdraw, with a write token; nobody else's.
    ("post", "/api/v1/me/applications/{application}/withdraw"): "401 no ok no",
}


def test_every_api_call_answers_each_token_as_the_table_says(world):
    from django.db import transaction
    from django.test import Client

    from api.tests.factories import bearer, token_for

    users = world["users"]
    headers = {
        "none": {},
        "read": bearer(token_for(users["lea"], "read")),
        "write": bearer(token_for(users["lea"], "write")),
        "other": bearer(token_for(users["karim"], "write")),
    }
    differences = []
    for (method, template), expected in API_CALLS.items():
        url = template.format(**world)
        for role, wanted in zip(API_ROLES, expected.split(), strict=True):
            client = Client()
            with transaction.atomic():
                if method == "get":
                    response = client.get(url, **headers[role])
                else:
                    response = client.post(
                        url,
                        {"message": "Bonjour"},
                        content_type="application/json",
                        **headers[role],
                    )
                transaction.set_rollback(True)
            got = outcome(response)
            if got != wanted:
                differences.append(f"{method} {url} with {role}: {got}, expected {wanted}")
    assert differences == []


# --- Open interfaces (issue 19): open data, feeds, the calendar, the widget.
# address: what anonymous, lea, karim, bruno, yacine, staff get (ROLES).
OPEN_PAGES = {
    "/donnees-ouvertes/": "ok ok ok ok ok ok",
    "/donnees-ouvertes/missions.csv": "ok ok ok ok ok ok",
    "/donnees-ouvertes/missions.json": "ok ok ok ok ok ok",
    "/feeds/search.atom?q=logo&departement=75": "ok ok ok ok ok ok",
    "/associations/{org}/widget/": "ok ok ok ok ok ok",
    "/associations/no-such-association/widget/": "no no no no no no",
    # The calendar's address is made by POST only; a GET leads back to the account page.
    "/account/calendar/": "login go go go go go",
    "/calendar/not-a-secret.ics": "no no no no no no",
}


def test_every_open_interface_answers_each_person_as_the_table_says(world):
    differences = []
    for template, expected in OPEN_PAGES.items():
        url = template.format(**world)
        for role, wanted in zip(ROLES, expected.split(), strict=True):
            got = outcome(client_for(world["users"][role]).get(url))
            if got != wanted:
                differences.append(f"{url} as {role}: {got}, expected {wanted}")
    assert differences == []


def test_a_calendar_address_shows_only_its_owners_dates(world):
    """Léa's secret address: anyone holding it reads Léa's dates, not their own; once Léa
    revokes it, nobody does."""
    users = world["users"]
    lea = client_for(users["lea"])
    url = lea.post("/account/calendar/").context["url"].removeprefix("http://testserver")
    for role in ROLES:
        response = client_for(users[role]).get(url)
        assert response.status_code == 200, role
        assert b"Karim" not in response.content
    assert outcome(client_for(users["karim"]).post("/account/calendar/revoke/")) == "go"
    assert client_for(None).get(url).status_code == 200  # Karim revoked only his own
    assert outcome(client_for(users["anonymous"]).post("/account/calendar/revoke/")) == "login"
    lea.post("/account/calendar/revoke/")
    for role in ROLES:
        assert client_for(users[role]).get(url).status_code == 404, role


# --- The API for associations (api/members.py): no token, Yacine's read token, Yacine's
# write token (a member of the mission's association), Bruno's write token (another
# association's admin). Writes are each tried on a copy of the scene (rolled back). ----------
NEW_MISSION = {"template": "logo-visual-identity", "need": "Un logo pour nos affiches."}

# (method, address, body): what no token, a read token, a write token, another's token get.
MEMBER_API_CALLS = {
    # Bruno creates one for his own club; not for Martine's association.
    ("post", "/api/v1/me/missions", ""): "401 no 201 201",
    ("post", "/api/v1/me/missions", "{org}"): "401 no 201 422",
    ("post", "/api/v1/me/missions/{draft}/submit", ""): "401 no ok no",
    # Online already: the page would not send it again.
    ("post", "/api/v1/me/missions/{mission}/submit", ""): "401 no 409 no",
    ("get", "/api/v1/me/missions/{mission}/applications", ""): "401 ok ok no",
    ("get", "/api/v1/me/missions/{draft}/applications", ""): "401 ok ok no",
    # Karim's application waits for an answer; Léa's was accepted already.
    ("post", "/api/v1/applications/{pending}/accept", ""): "401 no ok no",
    ("post", "/api/v1/applications/{pending}/decline", ""): "401 no ok no",
    ("post", "/api/v1/applications/{application}/accept", ""): "401 no 409 no",
    ("post", "/api/v1/applications/{application}/decline", ""): "401 no 409 no",
}


def test_every_association_api_call_answers_each_token_as_the_table_says(world):
    from django.db import transaction
    from django.test import Client

    from api.tests.factories import bearer, token_for
    from engagements.tests.factories import ApplicationFactory

    users = world["users"]
    pending = ApplicationFactory(mission_id=world["mission"], volunteer=users["karim"])
    world = {**world, "pending": pending.pk}
    headers = {
        "none": {},
        "read": bearer(token_for(users["yacine"], "read")),
        "write": bearer(token_for(users["yacine"], "write")),
        "other": bearer(token_for(users["bruno"], "write")),
    }
    differences = []
    for (method, template, organization), expected in MEMBER_API_CALLS.items():
        url = template.format(**world)
        body = {**NEW_MISSION, "choice": "found"}
        if organization:
            body["organization"] = organization.format(**world)
        for role, wanted in zip(API_ROLES, expected.split(), strict=True):
            client = Client()
            with transaction.atomic():
                if method == "get":
                    response = client.get(url, **headers[role])
                else:
                    response = client.post(
                        url, body, content_type="application/json", **headers[role]
                    )
                transaction.set_rollback(True)
            got = outcome(response)
            if got != wanted:
                differences.append(f"{method} {url} with {role}: {got}, expected {wanted}")
    assert differences == []


# The published quick-help answers: public, whatever the token (Léa's, Karim's as above).
QUICKHELP_API_CALLS = {
    "/api/v1/quickhelp/answers": "ok ok ok ok",
    "/api/v1/quickhelp/answers?q=tableur&topic=data-office&limit=5": "ok ok ok ok",
    "/api/v1/quickhelp/answers/{qh_published_slug}": "ok ok ok ok",
    # Still in review: nobody's business yet.
    "/api/v1/quickhelp/answers/{qh_draft_slug}": "no no no no",
}


def test_every_quickhelp_api_call_answers_each_token_as_the_table_says(quickhelp_world):
    from django.test import Client

    from api.tests.factories import bearer, token_for

    users = quickhelp_world["users"]
    headers = {
        "none": {},
        "read": bearer(token_for(users["lea"], "read")),
        "write": bearer(token_for(users["lea"], "write")),
        "other": bearer(token_for(users["karim"], "write")),
    }
    differences = []
    for template, expected in QUICKHELP_API_CALLS.items():
        url = template.format(**quickhelp_world)
        for role, wanted in zip(API_ROLES, expected.split(), strict=True):
            got = outcome(Client().get(url, **headers[role]))
            if got != wanted:
                differences.append(f"{url} with {role}: {got}, expected {wanted}")
    assert differences == []


# --- The API's conversations and attestations (api/conversations.py), with the same four
# tokens as API_CALLS. Léa takes part in her application's conversation ({thread}) and in
# the team's ({team}); Karim in neither: for him they do not exist (404). A message is
# written with {"body": …}, each on a copy of the scene (rolled back). --------------------
API_CONVERSATION_CALLS = {
    ("get", "/api/v1/me/conversations"): "401 ok ok ok",
    ("get", "/api/v1/me/conversations/{thread}"): "401 ok ok no",
    ("get", "/api/v1/me/conversations/{team}"): "401 ok ok no",
    ("get", "/api/v1/me/conversations/{thread}?limit=1"): "401 ok ok no",
    ("post", "/api/v1/me/conversations/{thread}/messages"): "401 no 201 no",
    ("post", "/api/v1/me/conversations/{team}/messages"): "401 no 201 no",
    ("get", "/api/v1/me/attestations"): "401 ok ok ok",
}


def test_every_conversation_call_answers_each_token_as_the_table_says(world):
    from django.db import transaction
    from django.test import Client

    from api.tests.factories import bearer, token_for

    users = world["users"]
    headers = {
        "none": {},
        "read": bearer(token_for(users["lea"], "read")),
        "write": bearer(token_for(users["lea"], "write")),
        "other": bearer(token_for(users["karim"], "write")),
    }
    differences = []
    for (method, template), expected in API_CONVERSATION_CALLS.items():
        url = template.format(**world)
        for role, wanted in zip(API_ROLES, expected.split(), strict=True):
            client = Client()
            with transaction.atomic():
                if method == "get":
                    response = client.get(url, **headers[role])
                else:
                    response = client.post(
                        url, {"body": "Bonjour"}, content_type="application/json", **headers[role]
                    )
                transaction.set_rollback(True)
            got = outcome(response)
            if got != wanted:
                differences.append(f"{method} {url} with {role}: {got}, expected {wanted}")
    assert differences == []
