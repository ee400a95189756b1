"""The scoring of a (volunteer, mission) pair: pure functions, no database."""

from datetime import date, timedelta

from matching.scoring import (
    BOTH,
    HYBRID,
    ONSITE,
    REMOTE,
    MissionFacts,
    Name,
    Reason,
    Requirement,
    VolunteerFacts,
    rank,
    score,
)

TODAY = date(2026, 3, 2)
LOGO, FIGMA, SHEETS, VIDEO = 1, 2, 3, 4
NAMES = {
    LOGO: Name("Logo et identité visuelle", "Logo and visual identity"),
    FIGMA: Name("Figma", "Figma"),
    SHEETS: Name("Tableurs", "Spreadsheets"),
    VIDEO: Name("Montage vidéo", "Video editing"),
}
LYON, VILLEURBANNE, GRENOBLE, NANTES = (
    ("69123", "Lyon", "69", "84"),
    ("69266", "Villeurbanne", "69", "84"),
    ("38185", "Grenoble", "38", "84"),
    ("44109", "Nantes", "44", "52"),
)


def mission(*skills, id=1, mode=REMOTE, place=None, hours=15, **extra) -> MissionFacts:
    """A mission asking for `skills` given as skill ids or (skill id, minimum level)."""
    requirements = []
    for skill in skills:
        skill_id, level = skill if isinstance(skill, tuple) else (skill, 1)
        requirements.append(Requirement(skill_id, NAMES[skill_id], level))
    code, name, departement, region = place or ("", "", "", "")
    defaults = {
        "effort_hours": hours,
        "start_date": TODAY + timedelta(days=7),
        "end_date": TODAY + timedelta(days=60),
        "work_mode": mode,
        "commune_code": code,
        "commune_name": name,
        "departement_code": departement,
        "region_code": region,
        "organization_id": 10,
        "organization_departement_code": departement,
    }
    defaults.update(extra)
    return MissionFacts(id=id, requirements=tuple(requirements), **defaults)


def designer(place=LYON, mode=BOTH, **extra) -> VolunteerFacts:
    code, _name, departement, region = place
    defaults = {
        "skills": {LOGO: 3, FIGMA: 2},
        "hours_per_week": 5,
        "work_mode": mode,
        "commune_code": code,
        "departement_code": departement,
        "region_code": region,
    }
    defaults.update(extra)
    return VolunteerFacts(id=7, **defaults)


def test_a_designer_ranks_a_logo_mission_above_a_spreadsheet_mission():
    logo = mission(LOGO, FIGMA, id=1)
    sheet = mission(SHEETS, id=2)

    ranked = rank([score(designer(), sheet, today=TODAY), score(designer(), logo, today=TODAY)])

    assert [m.mission_id for m in ranked] == [1, 2]
    assert ranked[0].score > ranked[1].score + 40


def test_the_reasons_name_the_matching_skills_and_only_those():
    match = score(designer(), mission(LOGO, VIDEO, FIGMA), today=TODAY)

    skills = next(r for r in match.reasons if r.kind == "skills")
    assert [name.fr for name in skills.names] == ["Logo et identité visuelle", "Figma"]


def test_the_reasons_say_remote_and_the_effort_in_weeks_at_the_volunteers_pace():
    match = score(designer(hours_per_week=5), mission(LOGO, hours=15), today=TODAY)

    assert Reason("remote") in match.reasons
    assert Reason("effort", hours=15, weeks=3) in match.reasons
    assert [r.kind for r in match.reasons][:3] == ["skills", "remote", "effort"]


def test_a_remote_only_volunteer_never_gets_an_on_site_mission_far_away():
    remote_only = designer(place=NANTES, mode=REMOTE)

    assert score(remote_only, mission(LOGO, mode=ONSITE, place=LYON), today=TODAY) is None
    assert score(remote_only, mission(LOGO, mode=HYBRID, place=LYON), today=TODAY) is None
    # Not even next door: on-site work is what they said no to.
    assert score(remote_only, mission(LOGO, mode=ONSITE, place=NANTES), today=TODAY) is None
    assert score(remote_only, mission(LOGO, mode=REMOTE), today=TODAY) is not None


def test_a_remote_only_volunteer_may_get_a_hybrid_mission_in_their_departement():
    remote_only = designer(place=LYON, mode=REMOTE)

    match = score(remote_only, mission(LOGO, mode=HYBRID, place=VILLEURBANNE), today=TODAY)

    assert match is not None
    assert Reason("place", place="Villeurbanne", scope="departement") in match.reasons


def test_on_site_missions_score_by_distance_and_stop_at_the_region():
    volunteer = designer(place=LYON)

    def points(place):
        match = score(volunteer, mission(LOGO, mode=ONSITE, place=place), today=TODAY)
        return match and match.score

    assert points(LYON) > points(VILLEURBANNE) > points(GRENOBLE)
    assert points(NANTES) is None


def test_a_mission_in_the_same_commune_says_where():
    match = score(designer(place=LYON), mission(LOGO, mode=ONSITE, place=LYON), today=TODAY)

    assert Reason("place", place="Lyon", scope="commune") in match.reasons


def test_no_hours_or_dates_that_do_not_meet_rule_the_pair_out():
    logo = mission(LOGO)

    assert score(designer(hours_per_week=0), logo, today=TODAY) is None
    assert score(designer(available_until=TODAY + timedelta(days=3)), logo, today=TODAY) is None
    assert score(designer(available_from=TODAY + timedelta(days=90)), logo, today=TODAY) is None
    assert score(designer(available_from=TODAY + timedelta(days=30)), logo, today=TODAY)


def test_too_little_time_before_the_end_lowers_the_score():
    big = mission(LOGO, hours=60, end_date=TODAY + timedelta(days=20))

    slow = score(designer(hours_per_week=2), big, today=TODAY)
    fast = score(designer(hours_per_week=20), big, today=TODAY)

    assert fast.score > slow.score


def test_a_lower_level_than_asked_counts_less():
    expert_needed = mission((LOGO, 3))

    expert = score(designer(skills={LOGO: 3}), expert_needed, today=TODAY)
    learner = score(designer(skills={LOGO: 1}), expert_needed, today=TODAY)

    assert expert.score > learner.score
    # The skill is still named: it is close, and the association may teach.
    assert any(r.kind == "skills" for r in learner.reasons)


def test_causes_in_common_add_points_and_a_reason():
    garden = mission(LOGO, causes={5: Name("Environnement", "Environment")})

    caring = score(designer(cause_ids=frozenset({5})), garden, today=TODAY)
    indifferent = score(designer(), garden, today=TODAY)

    assert caring.score == indifferent.score + 10
    assert Reason("causes", names=(Name("Environnement", "Environment"),)) in caring.reasons


def test_the_school_link_counts_alumni_first_then_nearby():
    alumni = mission(LOGO, partner_school_ids=frozenset({3}))
    nearby = mission(LOGO, organization_departement_code="69")

    from_school = designer(school_id=3, school_departement_code="75")
    near_school = designer(school_id=4, school_departement_code="69")

    assert Reason("school", scope="alumni") in score(from_school, alumni, today=TODAY).reasons
    assert Reason("school", scope="nearby") in score(near_school, nearby, today=TODAY).reasons
    assert not any(r.kind == "school" for r in score(designer(), alumni, today=TODAY).reasons)


def test_past_missions_and_good_reviews_tip_the_balance():
    logo = mission(LOGO)

    newcomer = score(designer(), logo, today=TODAY)
    seasoned = score(designer(completed_missions=2, past_rating=4.8), logo, today=TODAY)
    poorly_rated = score(designer(past_rating=1.0), logo, today=TODAY)

    assert seasoned.score > newcomer.score > poorly_rated.score
    assert Reason("experience", count=2) in seasoned.reasons
    assert Reason("rating", rating=4.8) in seasoned.reasons


def test_the_score_stays_between_0_and_100():
    best = score(
        designer(
            place=LYON,
            skills={LOGO: 3},
            cause_ids=frozenset({5}),
            school_id=3,
            completed_missions=9,
            past_rating=5.0,
            hours_per_week=40,
        ),
        mission(
            LOGO,
            mode=ONSITE,
            place=LYON,
            causes={5: NAMES[LOGO]},
            partner_school_ids=frozenset({3}),
        ),
        today=TODAY,
    )
    worst = score(designer(skills={}), mission(SHEETS), today=TODAY)

    assert best.score == 100
    assert 0 <= worst.score <= 35  # place and time only: far below any skilled match


def test_reasons_survive_a_round_trip_through_json():
    reason = Reason("skills", names=(NAMES[LOGO], NAMES[FIGMA]))

    assert Reason.from_dict(reason.to_dict()) == reason
    assert Reason.from_dict(Reason("effort", hours=15, weeks=3).to_dict()).weeks == 3
