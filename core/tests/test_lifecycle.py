"""The lifecycle table every stateful thing is declared with."""

from types import SimpleNamespace

import pytest

from core.errors import ActionRefused
from core.lifecycle import Lifecycle, Transition


def _owner_only(thing, user, **context):
    return "" if user == thing.owner else "Seule la personne qui l’a créé peut le faire."


DOOR = Lifecycle(
    "door",
    [
        Transition("open", {"closed"}, "opened", guard=_owner_only),
        Transition("close", {"opened"}, "closed", wrong_state="La porte est déjà fermée."),
    ],
    wrong_state="Ce n’est plus possible.",
)


def test_refusal_names_the_reason_in_words():
    door = SimpleNamespace(status="closed", owner="ana")
    assert DOOR.refusal(door, "open", "ana") == ""
    assert DOOR.refusal(door, "open", "bob") == "Seule la personne qui l’a créé peut le faire."
    assert DOOR.refusal(door, "close", "ana") == "La porte est déjà fermée."
    door.status = "opened"
    assert DOOR.refusal(door, "open", "ana") == "Ce n’est plus possible."


def test_check_raises_the_refusal_and_returns_the_transition():
    door = SimpleNamespace(status="closed", owner="ana")
    assert DOOR.check(door, "open", "ana").target == "opened"
    with pytest.raises(ActionRefused, match="Seule la personne"):
        DOOR.check(door, "open", "bob")


def test_can_is_lazy_and_reads_like_attributes():
    calls = []

    def counted(thing, user, **context):
        calls.append(user)
        return ""

    lifecycle = Lifecycle("counted", [Transition("go", {"a"}, "b", guard=counted)])
    can = lifecycle.can(SimpleNamespace(status="a"), "ana")
    assert calls == []
    assert can.go and can["go"] and dict(can) == {"go": True}
    assert calls == ["ana"]
    with pytest.raises(AttributeError):
        _ = can.fly


def test_an_action_is_declared_once():
    with pytest.raises(ValueError):
        Lifecycle("twice", [Transition("go", {"a"}, "b"), Transition("go", {"b"}, "c")])


def test_edges_list_every_move():
    assert list(DOOR.edges()) == [("closed", "open", "opened"), ("opened", "close", "closed")]


class NotTheOwner(ActionRefused):
    message = "Seule la personne qui l’a créé peut le faire."


def test_a_guard_may_name_its_refusal_and_check_raises_that_very_error():
    lifecycle = Lifecycle(
        "named",
        [Transition("open", {"closed"}, "opened", guard=lambda thing, user: NotTheOwner())],
        wrong_state=NotTheOwner("Déjà ouverte."),
    )
    door = SimpleNamespace(status="closed")
    with pytest.raises(NotTheOwner, match="Seule la personne"):
        lifecycle.check(door, "open", "bob")
    assert lifecycle.refusal(door, "open", "bob") == "Seule la personne qui l’a créé peut le faire."
    door.status = "opened"
    with pytest.raises(NotTheOwner, match="Déjà ouverte."):
        lifecycle.check(door, "open", "bob")
