"""The questionnaire ships as data: six axes, about twenty questions, in both languages."""

import pytest
from django.apps import apps
from django.utils import translation

from diagnosis import selectors
from diagnosis.models import Axis, Choice, NextLevel, Question, Suggestion
from diagnosis.questionnaire import load

pytestmark = pytest.mark.usefixtures("loaded")


def test_six_axes_of_three_or_four_questions_each_in_french_and_english():
    axes = selectors.questionnaire().axes

    assert [axis.slug for axis in axes] == [
        "communication",
        "memberships",
        "management",
        "teamwork",
        "skills",
        "equipment",
    ]
    assert all(3 <= len(axis.active_questions) <= 4 for axis in axes)
    assert 18 <= Question.objects.count() <= 24
    for question in Question.objects.all():
        assert question.text_fr and question.text_en and question.help_fr and question.help_en
    assert not Choice.objects.filter(label_en="").exists()


def test_every_proposed_mission_is_in_the_catalogue():
    assert Suggestion.objects.count() > 30
    assert not Suggestion.objects.filter(template__is_active=False).exists()
    assert NextLevel.objects.values("axis").distinct().count() == 6


def test_loading_again_changes_nothing_and_keeps_what_staff_added():
    axis = Axis.objects.get(slug="teamwork")
    Question.objects.create(axis=axis, slug="staff-question", text_fr="Q ?", text_en="Q?")
    counts = (Question.objects.count(), Choice.objects.count(), Suggestion.objects.count())

    load(apps)

    assert (Question.objects.count(), Choice.objects.count(), Suggestion.objects.count()) == (
        counts
    )
    assert Question.objects.filter(slug="staff-question").exists()


def test_the_questionnaire_reads_in_five_queries_and_leaves_out_retired_questions(
    django_assert_num_queries,
):
    Question.objects.filter(slug="logo").update(is_active=False)
    Question.objects.filter(axis__slug="skills").update(is_active=False)

    with django_assert_num_queries(5):
        questionnaire = selectors.questionnaire()
        slugs = [q.slug for q in questionnaire.questions]

    assert "logo" not in slugs
    assert "skills" not in [axis.slug for axis in questionnaire.axes]  # no screen left
    assert questionnaire.steps == 5


def test_a_retired_mission_template_is_no_longer_proposed():
    from missions.models import MissionTemplate

    MissionTemplate.objects.filter(slug="showcase-website").update(is_active=False)

    choice = next(
        c
        for q in selectors.questionnaire().questions
        if q.slug == "website"
        for c in q.all_choices
        if c.value == "none"
    )
    assert choice.all_suggestions == []


def test_the_questionnaire_speaks_english_to_english_speakers():
    axis = selectors.questionnaire().axes[0]
    with translation.override("en"):
        assert axis.name == "Communication and visibility"
        assert axis.active_questions[0].text == "Does your association have a website?"
        assert axis.meaning("low").startswith("People looking for you")
    assert axis.name == "Communication et visibilité"
