"""A student's place in a cohort: who may move it, from where, and what they are told."""

from types import SimpleNamespace

from schools.lifecycle import COHORT_MEMBERSHIP

STUDENT = SimpleNamespace(pk=1)
SOMEONE_ELSE = SimpleNamespace(pk=2)


def place(status: str) -> SimpleNamespace:
    return SimpleNamespace(status=status, student_id=STUDENT.pk)


def test_the_table_draws_every_move():
    assert sorted(COHORT_MEMBERSHIP.edges()) == [
        ("joined", "leave", "left"),
        ("joined", "remove", "removed"),
        ("left", "join", "joined"),
        ("removed", "readmit", "joined"),
    ]


def test_only_the_student_leaves_and_only_a_teacher_removes():
    joined = place("joined")

    assert COHORT_MEMBERSHIP.allows(joined, "leave", STUDENT)
    assert COHORT_MEMBERSHIP.refusal(joined, "leave", SOMEONE_ELSE) == (
        "Seul·e l’élève peut faire cela."
    )
    assert COHORT_MEMBERSHIP.allows(joined, "remove", SOMEONE_ELSE, is_teacher=True)
    assert not COHORT_MEMBERSHIP.allows(joined, "remove", STUDENT)


def test_a_removed_student_is_told_to_ask_her_teacher():
    refusal = COHORT_MEMBERSHIP.refusal(place("removed"), "join", STUDENT)

    assert "demandez à votre enseignant·e de vous y remettre" in refusal
