"""The jury's arithmetic, with no database: plain values in, a ranking out.

`rank(scores, criteria, rounds, tie_break)`:

- a team's score in a round is the weighted mean of its criteria, each criterion's value being
  the mean of the jurors' values for it (criteria nobody scored are left out of the mean,
  weights renormalised over the criteria that were scored);
- round 2 decides the order of the finalists (the teams with a round-2 score), who all rank
  above the teams with only a round-1 score; when `rounds` is 1, round-2 scores are ignored;
- teams with no score at all come last, unranked (rank None);
- ties are broken by the rule stated before the event: `CRITERIA` compares the per-criterion
  means in criterion order (first criterion first); `NONE` breaks nothing;
- teams still tied share a rank, and the next rank skips (1, 1, 3).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

CRITERIA = "criteria"  # the highest score on the first criterion, then the second…
NONE = "none"  # no tie-break: tied teams share their rank
TIE_BREAKS = (CRITERIA, NONE)


@dataclass(frozen=True)
class CriterionSpec:
    id: int
    weight: int
    order: int = 0


@dataclass(frozen=True)
class ScoreValue:
    team: int
    criterion: int
    value: int
    round: int = 1


@dataclass(frozen=True)
class Ranked:
    team: int
    rank: int | None  # None: never scored
    total: Fraction | None  # the weighted mean (1–5) of the round that decides
    round: int | None  # 2 for finalists, 1 for the others
    by_criterion: tuple[Fraction | None, ...]  # in criterion order


def _round_means(scores: Iterable[ScoreValue], round_: int) -> dict[int, dict[int, Fraction]]:
    sums: dict[tuple[int, int], list[int]] = defaultdict(list)
    for score in scores:
        if score.round == round_:
            sums[(score.team, score.criterion)].append(score.value)
    means: dict[int, dict[int, Fraction]] = defaultdict(dict)
    for (team, criterion), values in sums.items():
        means[team][criterion] = Fraction(sum(values), len(values))
    return means


def _weighted(means: dict[int, Fraction], criteria: Sequence[CriterionSpec]) -> Fraction | None:
    weight = sum(c.weight for c in criteria if c.id in means)
    if not weight:
        return None
    return sum((means[c.id] * c.weight for c in criteria if c.id in means), Fraction(0)) / weight


def rank(
    scores: Iterable[ScoreValue],
    criteria: Sequence[CriterionSpec],
    rounds: int = 1,
    tie_break: str = CRITERIA,
    teams: Iterable[int] = (),
) -> list[Ranked]:
    """Every team (those in `teams` and those with scores), best first."""
    scores = list(scores)
    ordered = sorted(criteria, key=lambda c: (c.order, c.id))
    known = {c.id for c in ordered}
    scores = [s for s in scores if s.criterion in known]
    first = _round_means(scores, 1)
    second = _round_means(scores, 2) if rounds >= 2 else {}
    all_teams = sorted(set(teams) | {s.team for s in scores})

    rows = []
    for team in all_teams:
        if team in second and _weighted(second[team], ordered) is not None:
            means, round_ = second[team], 2
        elif team in first and _weighted(first[team], ordered) is not None:
            means, round_ = first[team], 1
        else:
            means, round_ = {}, None
        total = _weighted(means, ordered) if means else None
        rows.append(Ranked(team, None, total, round_, tuple(means.get(c.id) for c in ordered)))

    def key(row: Ranked) -> tuple:
        tier = {2: 0, 1: 1, None: 2}[row.round]
        main = -(row.total or 0)
        by_criteria = tie_break == CRITERIA
        tail = tuple(-(value or 0) for value in row.by_criterion) if by_criteria else ()
        return (tier, main, *tail)

    rows.sort(key=lambda row: (key(row), row.team))
    ranked: list[Ranked] = []
    previous = None
    for position, row in enumerate(rows, start=1):
        if row.round is None:
            ranked.append(row)
            continue
        this = key(row)
        current = ranked[-1].rank if previous == this and ranked else position
        ranked.append(Ranked(row.team, current, row.total, row.round, row.by_criterion))
        previous = this
    return ranked


def finalists(ranking: Sequence[Ranked], count: int) -> list[int]:
    """The teams within the top `count` ranks of round 1 (a tie at the cut takes them all)."""
    return [
        row.team
        for row in ranking
        if row.rank is not None and row.total is not None and row.rank <= count
    ]
