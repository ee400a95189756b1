"""The dashboard's period: what the form chooses, the period before it, its months."""

import datetime

from django.http import QueryDict

from territories.period import Period, period_from

D = datetime.date


def test_each_kind_of_period_has_its_bounds_its_previous_and_its_months():
    march = Period.month(2026, 3)
    assert (march.start, march.end) == (D(2026, 3, 1), D(2026, 3, 31))
    assert Period.month(2026, 1).previous() == Period.month(2025, 12)
    first = Period.quarter(2026, 1)
    assert (first.end, first.previous()) == (D(2026, 3, 31), Period.quarter(2025, 4))
    assert Period.year(2026).previous() == Period.year(2025)
    custom = Period.custom(D(2026, 3, 10), D(2026, 3, 19))
    assert custom.previous() == Period.custom(D(2026, 2, 28), D(2026, 3, 9))
    assert Period.custom(D(2025, 12, 20), D(2026, 2, 1)).months() == [
        D(2025, 12, 1),
        D(2026, 1, 1),
        D(2026, 2, 1),
    ]
    assert Period.last_month(D(2026, 1, 1)) == Period.month(2025, 12)


def test_the_bounds_are_local_midnights_the_end_excluded():
    march = Period.month(2026, 3)
    assert march.start_at.isoformat() == "2026-03-01T00:00:00+01:00"
    # Summer time began on March 29: April starts at midnight in Paris all the same.
    assert march.end_at.isoformat() == "2026-04-01T00:00:00+02:00"


def test_the_form_gives_back_the_period_its_links_name():
    today = D(2026, 5, 20)
    for period in (
        Period.month(2026, 2),
        Period.quarter(2025, 3),
        Period.year(2024),
        Period.custom(D(2026, 1, 15), D(2026, 4, 2)),
    ):
        params = QueryDict(mutable=True)
        params.update(period.query())
        form, found = period_from(params, today=today)
        assert form.is_valid(), form.errors
        assert found == period


def test_without_a_choice_it_is_this_year_and_a_wrong_one_says_why():
    today = D(2026, 5, 20)
    form, found = period_from(QueryDict(), today=today)
    assert not form.is_bound and found == Period.year(2026)
    form, found = period_from(QueryDict("period=month&year=2026"), today=today)
    assert form.errors["month"] == ["Choisissez le mois."]
    assert found == Period.year(2026)
    form, _ = period_from(QueryDict("period=custom&start=2020-01-01&end=2026-01-01"), today=today)
    assert form.errors["__all__"] == ["Choisissez au plus cinq années à la fois."]
    form, _ = period_from(QueryDict("period=year&year=1999"), today=today)
    assert "year" in form.errors


def test_each_period_is_said_in_plain_words():
    assert Period.month(2026, 3).label == "mars 2026"
    assert Period.quarter(2026, 2).label == "2e trimestre 2026"
    assert Period.year(2026).label == "année 2026"
    assert Period.custom(D(2026, 3, 1), D(2026, 4, 15)).label == "du 1 mars 2026 au 15 avril 2026"
    assert Period.quarter(2026, 2).slug == "2026-T2"
