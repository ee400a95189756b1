"""The scores and the plan, from the shipped questionnaire: pure functions, no database."""

import random

import pytest

from diagnosis import scoring
from diagnosis.questionnaire import AXES
from diagnosis.scoring import Answered, NextLevel, Suggestion

AXIS_SLUGS = [axis["slug"] for axis in AXES]
NEXT_LEVELS = {
    axis["slug"]: [NextLevel(slug, ease, why) for slug, ease, why, _en in axis["next_levels"]]
    for axis in AXES
}
VISIBILITY = {"showcase-website", "website-refresh", "social-media-calendar", "web-writing-seo"}


def answered(question: dict, axis: str, choice: dict) -> Answered:
    return Answered(
        axis=axis,
        weight=question["weight"],
        score=choice["score"],
        finding=choice["finding_fr"],
        suggestions=tuple(Suggestion(slug, ease) for slug, ease in choice["suggest"]),
    )


def answers(overrides=None, *, default="middle", rng=None) -> list[Answered]:
    """An answer to every shipped question: `overrides` {question slug: choice value}; the
    others their best, worst, a middling or (with `rng`) a random answer."""
    overrides = overrides or {}
    result = []
    for axis in AXES:
        for question in axis["questions"]:
            counted = sorted(
                (c for c in question["choices"] if c["score"] is not None),
                key=lambda c: c["score"],
            )
            if question["slug"] in overrides:
                choice = next(
                    c for c in question["choices"] if c["value"] == overrides[question["slug"]]
                )
            elif rng is not None:
                choice = rng.choice(question["choices"])
            else:
                choice = {"best": counted[-1], "worst": counted[0]}.get(
                    default, counted[len(counted) // 2]
                )
            result.append(answered(question, axis["slug"], choice))
    return result


def diagnose(given: list[Answered]):
    scores = scoring.axis_scores(given, AXIS_SLUGS)
    return scores, scoring.plan(given, scores, NEXT_LEVELS)


@pytest.mark.parametrize("default", ["best", "middle", "worst"])
def test_no_website_and_no_social_media_give_a_low_communication_score_and_visibility_first(
    default,
):
    scores, plan = diagnose(answers({"website": "none", "social-media": "none"}, default=default))

    assert scores["communication"] < scoring.LOW
    assert scoring.band(scores["communication"]) == "low"
    assert plan[0].template in VISIBILITY
    assert plan[0].axis == "communication"
    assert not plan[0].next_level
    assert "Votre association n’est pas présente sur les réseaux sociaux." in plan[0].reasons
    # The website comes in the plan too, a little further: it takes longer.
    assert "showcase-website" in [step.template for step in plan]


def test_an_association_strong_everywhere_gets_a_plan_of_next_level_templates():
    scores, plan = diagnose(answers(default="best"))

    assert set(scores.values()) == {100}
    assert len(plan) == 3
    assert all(step.next_level for step in plan)
    assert len({step.template for step in plan}) == 3
    shipped = {level.template for levels in NEXT_LEVELS.values() for level in levels}
    assert {step.template for step in plan} <= shipped
    assert all(step.reasons for step in plan)  # each says why: "to go further"


def test_an_axis_scores_the_weighted_mean_of_its_counted_answers():
    given = answers(
        {
            "website": "none",  # weight 3, 0 points
            "social-media": "regularly",  # weight 3, 100 points
            "logo": "everywhere",  # weight 1, 100 points
            "event-promotion": "no-events",  # does not concern them: left out
        }
    )

    scores = scoring.axis_scores(given, AXIS_SLUGS)

    assert scores["communication"] == round((0 * 3 + 100 * 3 + 100 * 1) / 7)  # 57


def test_an_axis_where_nothing_concerns_the_association_is_not_scored():
    given = [
        Answered(axis="memberships", weight=2, score=None),
        Answered(axis="memberships", weight=1, score=None),
        Answered(axis="management", weight=1, score=80),
    ]

    scores = scoring.axis_scores(given, ["memberships", "management"])

    assert scores == {"memberships": None, "management": 80}
    assert scoring.overall(scores) == 80
    assert scoring.overall({"memberships": None}) is None


def test_the_bands_that_choose_each_axis_sentence():
    assert [scoring.band(s) for s in (0, 39, 40, 69, 70, 100)] == [
        "low",
        "low",
        "mid",
        "mid",
        "high",
        "high",
    ]


def test_a_single_grave_gap_comes_before_a_template_many_small_gaps_mention():
    grave = Answered("a", 2, 0, "Pas de site.", (Suggestion("showcase-website", 2),))
    small = [
        Answered("b", 1, 40, f"Petit souci {n}.", (Suggestion("collaborative-tools", 1),))
        for n in range(4)
    ]

    plan = scoring.plan([*small, grave], {"a": 0, "b": 40}, {}, size=1)

    assert [step.template for step in plan] == ["showcase-website"]


def test_the_plan_goes_from_the_quickest_win_to_the_longest_project():
    for default in ("worst", "middle"):
        _, plan = diagnose(answers(default=default))
        eases = [step.ease for step in plan]
        assert eases == sorted(eases), default


def test_the_plan_spreads_over_several_axes_when_everything_is_weak():
    _, plan = diagnose(answers(default="worst"))

    axes = [step.axis for step in plan]
    assert len(plan) == 3
    assert max(axes.count(axis) for axis in axes) <= scoring.PER_AXIS


def test_a_template_asked_for_by_several_answers_gives_all_their_reasons_gravest_first():
    _, plan = diagnose(
        answers(
            {"backups": "sometimes", "passwords": "dont-know", "documents": "paper"},
            default="best",
        )
    )

    step = next(step for step in plan if step.template == "collaborative-tools")
    assert step.reasons == [
        "Personne ne sait vraiment où sont les mots de passe de l’association.",  # 2 × 100
        "Vos documents sont surtout sur papier, dans des classeurs.",  # 2 × 80
        "Vos fichiers ne sont sauvegardés que de temps en temps.",  # 1 × 60
    ]


def test_one_weak_answer_makes_one_step_and_next_level_templates_fill_the_plan():
    _, plan = diagnose(answers({"news": "in-person"}, default="best"))

    assert plan[0].template == "newsletter"
    assert not plan[0].next_level
    assert [step.next_level for step in plan[1:]] == [True, True]
    # To go further where the association is least strong: its memberships.
    assert plan[1].axis == "memberships" or plan[2].axis == "memberships"


def test_any_answers_give_three_different_steps_from_the_quickest():
    rng = random.Random(15)
    for _ in range(300):
        scores, plan = diagnose(answers(rng=rng))
        assert len(plan) == 3
        assert len({step.template for step in plan}) == 3
        assert [step.ease for step in plan] == sorted(step.ease for step in plan)
        assert all(score is None or 0 <= score <= 100 for score in scores.values())


def test_progress_counts_the_points_gained_per_axis():
    before = {"communication": 20, "memberships": None, "management": 70}
    now = {"communication": 55, "memberships": 40, "management": 60}

    assert scoring.progress(now, before) == {
        "communication": 35,
        "memberships": None,
        "management": -10,
    }
    assert scoring.progress(now, None) == dict.fromkeys(now)


def test_every_weak_shipped_answer_says_what_it_reveals_and_proposes_a_mission():
    for axis in AXES:
        for question in axis["questions"]:
            for choice in question["choices"]:
                weak = choice["score"] is not None and choice["score"] < 100
                assert bool(choice["suggest"]) == weak, (question["slug"], choice["value"])
                assert bool(choice["finding_fr"]) == weak == bool(choice["finding_en"])
