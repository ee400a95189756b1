"""State machines, one per stateful thing, each declared as a table.

An app's `lifecycle.py` lists its transitions: the action's name, the states it may start
from, the state it leads to, and a guard that says in plain words why the action is refused
to this person now ("" when it is not). Everybody asks the same table:

- templates read `can.<action>` (a `Can`, computed lazily, one guard per action asked);
- views show `refusal(...)` next to a disabled button, or act on it;
- services call `check(...)` on the row they have just locked, then write, then record.

    APPLICATION = Lifecycle(
        "application",
        [Transition("accept", {PENDING}, ACCEPTED, guard=_member_of_mission), ...],
        wrong_state=_("Cette candidature a déjà reçu une réponse."),
    )
    APPLICATION.check(locked, "accept", user)   # raises ActionRefused with the words

Guards take `(obj, user, **context)`; `context` carries what the caller already loaded (the
mission, the completion) so that asking costs no query the page did not already make. A guard
may also return an `ActionRefused` (a named refusal, e.g. `TeamFull()`): `check` raises that
very error, so that a caller may catch one kind, and `refusal` gives its words.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .errors import ActionRefused

type Refusal = str | Promise | ActionRefused
type Guard = Callable[..., Refusal | None]


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    guard: Guard | None = None
    # Said when the thing is not in one of `sources` (defaults to the lifecycle's words).
    wrong_state: Refusal = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", frozenset(self.sources))


@dataclass
class Lifecycle:
    name: str
    transitions: list[Transition]
    wrong_state: Refusal = _("Cette action n’est plus possible.")
    state_field: str = "status"
    _by_action: dict[str, Transition] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_action = {}
        for transition in self.transitions:
            if transition.action in self._by_action:
                raise ValueError(f"{self.name}: action {transition.action!r} declared twice")
            self._by_action[transition.action] = transition

    def __getitem__(self, action: str) -> Transition:
        return self._by_action[action]

    @property
    def actions(self) -> list[str]:
        return list(self._by_action)

    def state_of(self, obj) -> str:
        return getattr(obj, self.state_field)

    def actions_from(self, state: str) -> list[str]:
        return [t.action for t in self.transitions if state in t.sources]

    def edges(self) -> Iterable[tuple[str, str, str]]:
        """(source, action, target) for every allowed move: what the docs and tests draw."""
        for t in self.transitions:
            for source in sorted(t.sources):
                yield source, t.action, t.target

    def refused(self, obj, action: str, user, **context) -> ActionRefused | None:
        """The refusal of `action` to `user` on `obj` now, or None if they may take it."""
        transition = self._by_action[action]
        answer: Refusal | None
        if self.state_of(obj) not in transition.sources:
            answer = transition.wrong_state or self.wrong_state
        elif transition.guard is None:
            return None
        else:
            answer = transition.guard(obj, user, **context)
        if not answer:
            return None
        if isinstance(answer, ActionRefused):
            # A fresh error each time: a declared one may be raised by many requests.
            return type(answer)(*answer.args)
        return ActionRefused(answer)

    def refusal(self, obj, action: str, user, **context) -> str:
        """Why `user` may not take `action` on `obj` now, in words they can act on; "" if
        they may."""
        refused = self.refused(obj, action, user, **context)
        return "" if refused is None else str(refused)

    def allows(self, obj, action: str, user, **context) -> bool:
        return self.refused(obj, action, user, **context) is None

    def check(self, obj, action: str, user, **context) -> Transition:
        """The transition, or `ActionRefused` with the refusal (call it on the locked row)."""
        refused = self.refused(obj, action, user, **context)
        if refused is not None:
            raise refused
        return self._by_action[action]

    def can(self, obj, user, **context) -> "Can":
        return Can(self, obj, user, context)


class Can(Mapping[str, bool]):
    """`can.accept` in a template: True when the action is open to this person now.

    Each guard runs the first time its action is asked, once.
    """

    def __init__(self, lifecycle: Lifecycle, obj, user, context: dict) -> None:
        self._lifecycle, self._obj, self._user, self._context = lifecycle, obj, user, context
        self._known: dict[str, bool] = {}

    def __getitem__(self, action: str) -> bool:
        if action not in self._known:
            if action not in self._lifecycle.actions:
                raise KeyError(action)
            self._known[action] = self._lifecycle.allows(
                self._obj, action, self._user, **self._context
            )
        return self._known[action]

    def __getattr__(self, action: str) -> bool:
        if action.startswith("_"):
            raise AttributeError(action)
        try:
            return self[action]
        except KeyError:
            raise AttributeError(action) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._lifecycle.actions)

    def __len__(self) -> int:
        return len(self._lifecycle.actions)
