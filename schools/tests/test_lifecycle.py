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


# --- A call for needs --------------------------------------------------------------------
def test_a_call_is_closed_once_by_a_member_of_the_school():
    from schools.lifecycle import CALL

    assert list(CALL.edges()) == [("open", "close", "closed")]
    call = SimpleNamespace(status="open")
    assert CALL.allows(call, "close", SOMEONE_ELSE, is_teacher=True)
    assert CALL.refusal(call, "close", SOMEONE_ELSE) == (
        "Seuls les membres de l’école peuvent gérer cet appel."
    )
    assert CALL.refusal(SimpleNamespace(status="closed"), "close", STUDENT, is_teacher=True) == (
        "Cet appel est déjà clos."
    )


def test_a_call_reads_as_closed_after_its_end_date():
    from datetime import date

    from schools.models import CallForNeeds

    call = CallForNeeds(status="open", ends_on=date(2026, 12, 7))
    assert call.is_open_on(date(2026, 12, 7))
    assert not call.is_open_on(date(2026, 12, 8))
    assert not CallForNeeds(status="closed", ends_on=date(2026, 12, 31)).is_open_on(
        date(2026, 12, 7)
    )
