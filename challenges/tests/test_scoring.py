"""The pure ranking function: weights, missing scores, rounds, tie rules, full ties."""

from fractions import Fraction

from challenges.scoring import CRITERIA, NONE, CriterionSpec, ScoreValue, finalists, rank

IDEA = CriterionSpec(id=1, weight=2, order=0)
FEASIBLE = CriterionSpec(id=2, weight=1, order=1)
CRITERIA_SET = [IDEA, FEASIBLE]


def s(team, criterion, value, round_=1):
    return ScoreValue(team=team, criterion=criterion, value=value, round=round_)


def ranks(result):
    return {row.team: row.rank for row in result}


def test_weighted_mean_uses_the_weights():
    result = rank([s(10, 1, 5), s(10, 2, 2), s(20, 1, 3), s(20, 2, 5)], CRITERIA_SET)
    by_team = {row.team: row for row in result}
    assert by_team[10].total == Fraction(12, 3)  # (5×2 + 2×1) / 3
    assert by_team[20].total == Fraction(11, 3)
    assert [row.team for row in result] == [10, 20]


def test_equal_weights_would_have_ordered_them_the_other_way():
    equal = [CriterionSpec(1, 1, 0), CriterionSpec(2, 1, 1)]
    result = rank([s(10, 1, 5), s(10, 2, 2), s(20, 1, 3), s(20, 2, 5)], equal)
    assert [row.team for row in result] == [20, 10]


def test_values_of_several_jurors_are_averaged():
    result = rank([s(10, 1, 5), s(10, 1, 3), s(10, 2, 4)], CRITERIA_SET)
    assert result[0].by_criterion == (Fraction(4), Fraction(4))
    assert result[0].total == Fraction(4)


def test_missing_criterion_is_left_out_of_the_mean():
    result = rank([s(10, 1, 4)], CRITERIA_SET)
    assert result[0].total == Fraction(4)
    assert result[0].by_criterion == (Fraction(4), None)


def test_team_without_scores_comes_last_unranked():
    result = rank([s(10, 1, 1), s(10, 2, 1)], CRITERIA_SET, teams=[10, 30])
    assert ranks(result) == {10: 1, 30: None}
    assert [row.team for row in result] == [10, 30]


def test_scores_on_unknown_criteria_are_ignored():
    result = rank([s(10, 1, 3), s(10, 99, 5)], CRITERIA_SET)
    assert result[0].total == Fraction(3)


def test_round_two_orders_the_finalists_above_the_others():
    scores = [
        s(10, 1, 5),
        s(10, 2, 5),  # best in round 1
        s(20, 1, 4),
        s(20, 2, 4),
        s(30, 1, 5),
        s(30, 2, 4),  # not a finalist
        s(10, 1, 2, 2),
        s(10, 2, 2, 2),
        s(20, 1, 3, 2),
        s(20, 2, 3, 2),
    ]
    result = rank(scores, CRITERIA_SET, rounds=2)
    assert [row.team for row in result] == [20, 10, 30]
    assert ranks(result) == {20: 1, 10: 2, 30: 3}
    assert [row.round for row in result] == [2, 2, 1]


def test_round_two_scores_are_ignored_with_a_single_round():
    scores = [s(10, 1, 5), s(20, 1, 4), s(20, 1, 5, 2)]
    assert [row.team for row in rank(scores, CRITERIA_SET, rounds=1)] == [10, 20]


def test_criteria_rule_breaks_a_tie_on_the_first_criterion():
    # Same weighted mean (4): 10 has more on the idea (the first criterion).
    equal = [CriterionSpec(1, 1, 0), CriterionSpec(2, 1, 1)]
    scores = [s(10, 1, 5), s(10, 2, 3), s(20, 1, 3), s(20, 2, 5)]
    result = rank(scores, equal, tie_break=CRITERIA)
    assert ranks(result) == {10: 1, 20: 2}


def test_criteria_rule_follows_the_criteria_order_not_their_ids():
    equal = [CriterionSpec(1, 1, 1), CriterionSpec(2, 1, 0)]  # criterion 2 comes first
    scores = [s(10, 1, 5), s(10, 2, 3), s(20, 1, 3), s(20, 2, 5)]
    assert ranks(rank(scores, equal, tie_break=CRITERIA)) == {20: 1, 10: 2}


def test_no_rule_leaves_tied_teams_sharing_a_rank():
    equal = [CriterionSpec(1, 1, 0), CriterionSpec(2, 1, 1)]
    scores = [s(10, 1, 5), s(10, 2, 3), s(20, 1, 3), s(20, 2, 5), s(30, 1, 1), s(30, 2, 1)]
    assert ranks(rank(scores, equal, tie_break=NONE)) == {10: 1, 20: 1, 30: 3}


def test_full_tie_after_the_rule_shares_the_rank_and_skips_the_next():
    scores = [
        s(10, 1, 4),
        s(10, 2, 4),
        s(20, 1, 4),
        s(20, 2, 4),
        s(30, 1, 2),
        s(30, 2, 2),
    ]
    assert ranks(rank(scores, CRITERIA_SET, tie_break=CRITERIA)) == {10: 1, 20: 1, 30: 3}


def test_finalists_takes_the_top_ranks_and_a_tie_at_the_cut():
    scores = [s(10, 1, 5), s(20, 1, 4), s(30, 1, 4), s(40, 1, 1)]
    assert finalists(rank(scores, CRITERIA_SET), 2) == [10, 20, 30]


def test_no_scores_no_ranking():
    assert rank([], CRITERIA_SET) == []
