"""The figures of a territory's dashboard: aggregates of the associations of the territory
(`Territory.organizations_condition()`), counted in SQL over a period, never a person.

Each figure is one function registered with `@figure("key")`: it takes the `Scope` (the
territory and the period) and returns one `Table` — a title, what is counted in plain
words, a header, rows, and optionally a chart and the headline numbers shown at the top of
the page and in the monthly e-mail. The page, the CSV files (one per table, named by its
key), the PDF report and the e-mail all read the tables, so adding a figure is adding one
function here (or `register_figure(key, fn)` from an app above) — nothing else.

Every function runs a fixed number of queries (GROUP BY or conditional aggregates), so the
dashboard costs the same whatever the number of associations, missions or volunteers.
"""

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format, get_format, number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from core.charts import Bars, bars, stacked
from diagnosis.models import Axis, Diagnosis
from engagements.models import Application
from geo.models import Commune
from impact.selectors import adoption_rate, hours_and_value
from missions.models import Mission, Status
from organizations.models import Organization
from quickhelp.selectors import value_in_total as quickhelp_value
from taxonomy.models import Cause

from .models import Pack, Territory
from .period import Period

# Averages of fewer associations' diagnoses are not shown: with one or two, the "average"
# would be an association's own private answers (the statistical secret's rule of three).
MIN_ASSOCIATIONS = 3
# How many communes the page lists (the CSV has them all).
COMMUNES_SHOWN = 50


# --- What a figure returns -------------------------------------------------------------------
@dataclass(frozen=True)
class Highlight:
    """A headline number: "12 associations inscrites"."""

    label: str
    value: str
    detail: str = ""


@dataclass
class Table:
    key: str  # the CSV's name and the page's anchor: letters, digits and "_"
    title: str
    explanation: str  # what is counted, in plain words (page, PDF)
    header: list[str]
    # One list per row: its label first (a row header), then its cells: text, ints (shares
    # and averages already rounded), a `Change`, or None ("—" on the page, empty in a CSV).
    rows: list[list]
    chart: Bars | None = None
    chart_description: str = ""
    highlights: list[Highlight] = field(default_factory=list)
    # The page and the PDF show this many rows (the CSV all of them), saying so.
    shown: int | None = None
    note: str = ""  # said under the table (e.g. why a number is hidden)

    @property
    def shown_rows(self) -> list[list]:
        return self.rows if self.shown is None else self.rows[: self.shown]

    @property
    def body_html(self) -> SafeString:
        """The rows shown, as table rows (the label a row header): written here rather than
        by template loops, which cost a template variable per cell."""
        separator = get_format("THOUSAND_SEPARATOR")
        return mark_safe(  # noqa: S308 — every piece is escaped here
            "\n".join(
                f'<tr><th scope="row">{escape(row[0])}</th>'
                + "".join(f"<td>{escape(shown(value, separator))}</td>" for value in row[1:])
                + "</tr>"
                for row in self.shown_rows
            )
        )

    @property
    def is_wide(self) -> bool:
        """Too many columns to sit beside its chart: the table goes under it."""
        return len(self.header) > 4

    @property
    def is_cut(self) -> bool:
        return self.shown is not None and len(self.rows) > self.shown


@dataclass(frozen=True)
class Scope:
    """What every figure is computed over: the territory's associations, in a period."""

    territory: Territory
    period: Period

    def associations(self) -> QuerySet[Organization]:
        """The associations of the territory (any verification but refused: a refused one
        was a mistake or a fraud)."""
        return Organization.objects.filter(
            self.territory.organizations_condition(), kind=Organization.Kind.ASSOCIATION
        ).exclude(verification=Organization.Verification.REJECTED)

    def association_condition(self, prefix: str) -> Q:
        """The same associations, through `prefix` (e.g. "organization__")."""
        return (
            self.territory.organizations_condition(prefix)
            & Q(**{f"{prefix}kind": Organization.Kind.ASSOCIATION})
            & ~Q(**{f"{prefix}verification": Organization.Verification.REJECTED})
        )

    def missions(self) -> QuerySet[Mission]:
        return Mission.objects.filter(self.association_condition("organization__"))

    @cached_property
    def associations_by_place(self) -> list[dict]:
        """How many associations each commune holds, by kind: those arrived during the
        period (`new`) and all those registered at its end (`total`) — one query that two
        tables read (by kind, by commune). The commune's name is looked up row by row (a
        primary key each), cheaper than joining the 35 000 communes."""
        name = Commune.objects.filter(insee=OuterRef("commune_id")).values("name")[:1]
        return list(
            self.associations()
            .filter(created_at__lt=self.period.end_at)
            .values("commune_id", "association_type")
            .annotate(
                total=Count("pk"),
                new=Count("pk", filter=Q(created_at__gte=self.period.start_at)),
                name=Subquery(name),
            )
            .order_by()
        )

    @cached_property
    def published_by_place(self) -> list[dict]:
        """The missions published during the period, counted by their association's
        commune and their state today — one query that two tables read (the rates, by
        commune). Whether they got an offer of help is asked apart: grouped, PostgreSQL
        would read every application instead of looking up those of each mission."""
        return list(
            self.missions()
            .filter(self.in_period("published_at"))
            .values("organization__commune_id", "status")
            .annotate(n=Count("pk"))
            .order_by()
        )

    def in_period(self, field_name: str, period: Period | None = None) -> Q:
        period = period or self.period
        return Q(**{f"{field_name}__gte": period.start_at, f"{field_name}__lt": period.end_at})


@dataclass(frozen=True)
class Figure:
    key: str
    compute: Callable[[Scope], Table]


FIGURES: list[Figure] = []


def register_figure(key: str, compute: Callable[[Scope], Table]) -> None:
    if any(figure.key == key for figure in FIGURES):
        raise ValueError(f"A dashboard figure is already named {key!r}.")
    FIGURES.append(Figure(key, compute))


def figure(key: str):
    """Decorator: the function becomes the dashboard's next table."""

    def register(compute: Callable[[Scope], Table]) -> Callable[[Scope], Table]:
        register_figure(key, compute)
        return compute

    return register


# --- The board -------------------------------------------------------------------------------
@dataclass
class Board:
    territory: Territory
    period: Period
    tables: list[Table]
    computed_at: datetime.datetime = field(default_factory=timezone.now)

    @cached_property
    def highlights(self) -> list[Highlight]:
        return [highlight for table in self.tables for highlight in table.highlights]

    def table(self, key: str) -> Table:
        return next(table for table in self.tables if table.key == key)


def board_for(territory: Territory, period: Period) -> Board:
    scope = Scope(territory, period)
    return Board(territory, period, [figure.compute(scope) for figure in FIGURES])


# The page keeps a period's figures this long: an authority's dashboard need not be live to
# the second (it says when its figures were computed), and a second look costs no query.
BOARD_SECONDS = 10 * 60


def _board_key(territory_id: int, period: Period, language: str) -> str:
    return f"territories:board:{territory_id}:{period.slug}:{language}"


def _page_key(territory_id: int, period: Period, language: str) -> str:
    return f"territories:board-page:{territory_id}:{period.slug}:{language}"


def cached_board(territory: Territory, period: Period) -> Board:
    """`board_for`, kept BOARD_SECONDS in the cache (its words are the reader's language)."""
    key = _board_key(territory.pk, period, get_language() or settings.LANGUAGE_CODE)
    kept = cache.get(key)
    if kept is not None:
        tables, computed_at = kept
        return Board(territory, period, tables, computed_at)
    board = board_for(territory, period)
    cache.set(key, (board.tables, board.computed_at), BOARD_SECONDS)
    return board


@dataclass(frozen=True)
class BoardPage:
    """The board as the page shows it — its highlights and tables, charts included, as
    HTML — and when its figures were computed."""

    html: SafeString
    computed_at: datetime.datetime


def cached_board_page(
    territory: Territory, period: Period, render: Callable[[Board], str]
) -> BoardPage:
    """The board's part of the page, `render(board)`, kept as long as the board's figures
    (BOARD_SECONDS from their computation): a page read again costs one cache read, not
    the unpickling of every table and the rendering of every chart."""
    key = _page_key(territory.pk, period, get_language() or settings.LANGUAGE_CODE)
    kept = cache.get(key)
    if kept is not None:
        html, computed_at = kept
        return BoardPage(mark_safe(html), computed_at)  # noqa: S308 — rendered by `render`
    board = cached_board(territory, period)
    html = str(render(board))
    # No longer than the figures it shows, which may have been kept for a while already.
    left = BOARD_SECONDS - (timezone.now() - board.computed_at).total_seconds()
    if left > 1:
        cache.set(key, (html, board.computed_at), int(left))
    return BoardPage(mark_safe(html), board.computed_at)  # noqa: S308 — rendered by `render`


def forget_board(territory_id: int, period: Period) -> None:
    cache.delete_many(
        [
            make_key(territory_id, period, code)
            for code, _name in settings.LANGUAGES
            for make_key in (_board_key, _page_key)
        ]
    )


def table_for(territory: Territory, period: Period, key: str) -> Table | None:
    """One table alone (its CSV), or None for an unknown key."""
    for found in FIGURES:
        if found.key == key:
            return found.compute(Scope(territory, period))
    return None


class Change(int):
    """A difference, written with its sign: +5, -3, 0."""

    def __str__(self) -> str:
        return f"{int(self):+d}" if self else "0"


def shown(value, separator: str = "\u202f") -> str:
    """A cell as the page says it: "—" for nothing, 1 234 for a number, −3 for a change."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Change):
        return str(value).replace("-", "−")  # the minus sign, not a hyphen
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", separator)
    if isinstance(value, float):
        return number_format(value, force_grouping=True)
    return str(value)


def rounded(value: float | None) -> int | None:
    """Rounded half up, as people round (Python's round() sends 46.5 to 46)."""
    return None if value is None else int(math.floor(value + 0.5))


def share(part: int, whole: int) -> int | None:
    """A percentage, rounded; None when there is nothing to divide."""
    return rounded(100 * part / whole) if whole else None


def _percent(value: int | None) -> str:
    return "—" if value is None else f"{value} %"


# --- Associations ----------------------------------------------------------------------------
KINDS = [
    (Organization.AssociationType.CITIZEN, gettext_lazy("Citoyennes (que des bénévoles)")),
    (Organization.AssociationType.PROFESSIONAL, gettext_lazy("Professionnelles (avec salarié·es)")),
    ("", gettext_lazy("Fonctionnement non précisé")),
]


@figure("associations_by_kind")
def associations_by_kind(scope: Scope) -> Table:
    counts: dict[str, list[int]] = {}
    for place in scope.associations_by_place:
        both = counts.setdefault(place["association_type"], [0, 0])
        both[0] += place["new"]
        both[1] += place["total"]
    rows: list[list] = [[str(label), *counts.get(kind, (0, 0))] for kind, label in KINDS]
    total = sum(row[2] for row in rows)
    new = sum(row[1] for row in rows)
    return Table(
        key="associations_by_kind",
        title=_("Associations inscrites, par fonctionnement"),
        explanation=_(
            "Les associations de votre territoire inscrites sur A-lasso : celles arrivées "
            "pendant la période, et toutes celles inscrites à sa fin."
        ),
        header=[_("Fonctionnement"), _("Arrivées pendant la période"), _("Inscrites en tout")],
        rows=rows,
        chart=bars([(row[0], row[2]) for row in rows]),
        chart_description=_("Nombre d’associations inscrites en tout, pour chaque fonctionnement."),
        highlights=[
            Highlight(
                _("associations inscrites"),
                str(total),
                _("dont %(new)s arrivées pendant la période") % {"new": new},
            )
        ],
    )


@figure("associations_by_cause")
def associations_by_cause(scope: Scope) -> Table:
    period = scope.period
    counts = {
        row["cause_id"]: (row["new"], row["total"])
        for row in Organization.causes.through.objects.filter(
            scope.association_condition("organization__"),
            organization__created_at__lt=period.end_at,
        )
        .values("cause_id")
        .annotate(
            total=Count("pk"),
            new=Count("pk", filter=Q(organization__created_at__gte=period.start_at)),
        )
        .order_by()
    }
    rows: list[list] = [
        [cause.name, *counts.get(cause.pk, (0, 0))]
        for cause in Cause.objects.order_by("order", "slug")
    ]
    return Table(
        key="associations_by_cause",
        title=_("Associations inscrites, par cause"),
        explanation=_(
            "Une association peut défendre plusieurs causes : elle compte alors dans chacune."
        ),
        header=[_("Cause"), _("Arrivées pendant la période"), _("Inscrites en tout")],
        rows=rows,
        chart=bars([(row[0], row[2]) for row in rows]),
        chart_description=_("Nombre d’associations inscrites en tout, pour chaque cause."),
    )


# --- Diagnoses -------------------------------------------------------------------------------
def _score(slug: str):
    return Cast(KeyTextTransform(slug, "scores"), IntegerField())


def _change(now: float | None, before: float | None) -> Change | None:
    if now is None or before is None:
        return None
    return Change((rounded(now) or 0) - (rounded(before) or 0))


@figure("diagnoses")
def diagnoses(scope: Scope) -> Table:
    period, previous = scope.period, scope.period.previous()
    axes = list(Axis.objects.order_by("order", "slug"))
    # One row for the period, one for the period before: grouped, not filtered twice.
    is_now = Case(
        When(completed_at__gte=period.start_at, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    averages = {f"axis_{index}": Avg(_score(axis.slug)) for index, axis in enumerate(axes)}
    found = {
        bool(row["is_now"]): row
        for row in Diagnosis.objects.filter(
            scope.association_condition("organization__"),
            completed_at__gte=previous.start_at,
            completed_at__lt=period.end_at,
        )
        .annotate(is_now=is_now)
        .values("is_now")
        .annotate(
            taken=Count("pk"),
            associations=Count("organization", distinct=True),
            axis_overall=Avg("overall"),
            **averages,
        )
        .order_by()
    }
    now, before = found.get(True, {}), found.get(False, {})
    # Too few associations: their averages stay hidden.
    show_now = now.get("associations", 0) >= MIN_ASSOCIATIONS
    show_before = before.get("associations", 0) >= MIN_ASSOCIATIONS

    def row(label: str, key: str) -> list:
        value = now.get(f"axis_{key}") if show_now else None
        earlier = before.get(f"axis_{key}") if show_before else None
        return [
            label,
            rounded(value),
            rounded(earlier),
            _change(value, earlier),
        ]

    rows = [row(axis.name, str(index)) for index, axis in enumerate(axes)]
    rows.append(row(_("Moyenne des six domaines"), "overall"))
    note = ""
    if not show_now or not show_before:
        note = _(
            "Une moyenne n’est montrée que si au moins %(n)s associations ont fait leur "
            "bilan dans la période : en dessous, ce seraient les réponses d’une association."
        ) % {"n": MIN_ASSOCIATIONS}
    return Table(
        key="diagnoses",
        title=_("Bilans numériques : score moyen par domaine"),
        explanation=_(
            "Les bilans numériques terminés pendant la période par les associations du "
            "territoire (%(taken)s bilans, %(associations)s associations), comparés à la "
            "période précédente (%(previous)s : %(taken_before)s bilans). Scores sur 100."
        )
        % {
            "taken": now.get("taken", 0),
            "associations": now.get("associations", 0),
            "previous": previous.label,
            "taken_before": before.get("taken", 0),
        },
        header=[_("Domaine"), _("Score moyen"), _("Période précédente"), _("Évolution (points)")],
        rows=rows,
        chart=bars(
            [(axis.short_name, r[1]) for axis, r in zip(axes, rows, strict=False)], scale=100
        ),
        chart_description=_("Score moyen sur 100 de chaque domaine, pendant la période."),
        highlights=[
            Highlight(
                _("bilans numériques faits"),
                str(now.get("taken", 0)),
                ngettext(
                    "par %(n)s association", "par %(n)s associations", now.get("associations", 0)
                )
                % {"n": now.get("associations", 0)},
            )
        ],
        note=note,
    )


# --- Missions --------------------------------------------------------------------------------
# The states, grouped as an association would say them; a draft is the association's own
# notebook, not yet a need: it is not counted.
STATE_GROUPS = [
    (gettext_lazy("En attente de validation"), [Status.SUBMITTED]),
    (gettext_lazy("Ouvertes aux candidatures"), [Status.OPEN]),
    (gettext_lazy("En cours"), [Status.IN_PROGRESS, Status.DELIVERED]),
    (gettext_lazy("Terminées"), [Status.COMPLETED]),
    (gettext_lazy("Annulées ou expirées"), [Status.CANCELLED, Status.EXPIRED]),
]


@figure("missions_by_month")
def missions_by_month(scope: Scope) -> Table:
    period = scope.period
    found = (
        scope.missions()
        .filter(scope.in_period("created_at"))
        .exclude(status=Status.DRAFT)
        .annotate(month=TruncMonth("created_at"))
        .values("month", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[int, int], dict[str, int]] = {}
    for row in found:
        month = (
            timezone.localtime(row["month"]) if timezone.is_aware(row["month"]) else row["month"]
        )
        counts.setdefault((month.year, month.month), {})[row["status"]] = row["n"]
    rows: list[list] = []
    for first in period.months():
        by_status = counts.get((first.year, first.month), {})
        values = [sum(by_status.get(s, 0) for s in statuses) for _label, statuses in STATE_GROUPS]
        rows.append([date_format(first, "F Y").capitalize(), *values, sum(values)])
    total = sum(row[-1] for row in rows)
    return Table(
        key="missions_by_month",
        title=_("Missions par mois, selon leur état aujourd’hui"),
        explanation=_(
            "Les missions proposées par les associations du territoire, rangées par mois de "
            "création et selon où elles en sont aujourd’hui. Les brouillons ne comptent pas."
        ),
        header=[_("Mois"), *[str(label) for label, _s in STATE_GROUPS], _("Total")],
        rows=rows,
        chart=stacked(
            [(row[0], row[1:-1]) for row in rows], [str(label) for label, _s in STATE_GROUPS]
        ),
        chart_description=_(
            "Pour chaque mois, le nombre de missions proposées, par état (une couleur par état)."
        ),
        highlights=[Highlight(_("missions proposées"), str(total))],
    )


def _answered() -> Exists:
    """At least one volunteer offered her help: she applied, or joined when invited (an
    invitation not answered, or refused, does not count)."""
    return Exists(
        Application.objects.filter(mission=OuterRef("pk")).filter(
            Q(invited_by__isnull=True)
            | ~Q(status__in=[Application.Status.INVITED, Application.Status.DECLINED])
        )
    )


@figure("rates")
def rates(scope: Scope) -> Table:
    found = (
        scope.missions()
        .filter(scope.in_period("published_at"))
        .aggregate(answered=Count("pk", filter=Q(_answered())))
    )
    found.update(published=0, completed=0)
    for row in scope.published_by_place:
        found["published"] += row["n"]
        if row["status"] == Status.COMPLETED:
            found["completed"] += row["n"]
    published = found["published"]
    response, completion = (
        share(found["answered"], published),
        share(found["completed"], published),
    )
    of_published = ngettext(
        "sur %(n)s mission publiée", "sur %(n)s missions publiées", published
    ) % {"n": published}
    rows = [
        [_("Taux de réponse"), published, found["answered"], response],
        [_("Taux de réalisation"), published, found["completed"], completion],
    ]
    return Table(
        key="rates",
        title=_("Réponse des bénévoles et missions menées à bien"),
        explanation=_(
            "Parmi les missions publiées pendant la période : le taux de réponse est la part "
            "de celles qui ont reçu au moins une proposition d’aide (une candidature, ou une "
            "invitation acceptée) ; le taux de réalisation, la part de celles qui sont "
            "terminées aujourd’hui."
        ),
        header=[_("Taux"), _("Missions publiées"), _("Concernées"), _("Part (%)")],
        rows=rows,
        highlights=[
            Highlight(_("taux de réponse"), _percent(response), of_published),
            Highlight(_("taux de réalisation"), _percent(completion), of_published),
        ],
    )


# --- By commune ------------------------------------------------------------------------------
@figure("communes")
def communes(scope: Scope) -> Table:
    places: dict[str | None, dict] = {}
    for row in scope.associations_by_place:
        place = places.setdefault(
            row["commune_id"],
            {"name": row["name"], "associations": 0, "published": 0, "completed": 0},
        )
        place["associations"] += row["total"]
    for missions in scope.published_by_place:
        # A mission's association is registered, so its commune is listed already.
        commune = missions["organization__commune_id"]
        place = places.setdefault(
            commune, {"name": commune, "associations": 0, "published": 0, "completed": 0}
        )
        place["published"] += missions["n"]
        if missions["status"] == Status.COMPLETED:
            place["completed"] += missions["n"]
    ordered = sorted(
        places.items(),
        key=lambda item: (-item[1]["associations"], -item[1]["published"], item[1]["name"] or "~"),
    )
    rows: list[list] = [
        [
            place["name"] or _("Commune non précisée"),
            insee or "",
            place["associations"],
            place["published"],
            place["completed"],
        ]
        for insee, place in ordered
    ]
    return Table(
        key="communes",
        title=_("Par commune"),
        explanation=_(
            "Pour chaque commune où une association est inscrite : ses associations, les "
            "missions qu’elles ont publiées pendant la période et, parmi elles, celles "
            "terminées aujourd’hui."
        ),
        header=[
            _("Commune"),
            _("Code INSEE"),
            _("Associations"),
            _("Missions publiées"),
            _("Dont terminées"),
        ],
        rows=rows,
        shown=COMMUNES_SHOWN,
    )


# --- Hours and value, adoption, packs --------------------------------------------------------
def _euros(amount) -> int:
    """Whole euros, rounded half up."""
    return int(Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _hours(hours) -> int | float:
    """Whole hours as an int, half hours (coups de main) as a float: "1 234" or "2,5"."""
    return int(hours) if hours == int(hours) else float(hours)


@figure("value")
def hours_and_value_table(scope: Scope) -> Table:
    # Two queries: the hours grouped by domain, then the rates.
    found = hours_and_value(scope.associations(), scope.period.start, scope.period.end)
    rows: list[list] = [
        [
            part.domain.name if part.domain is not None else _("Domaine non précisé"),
            part.hours,
            _euros(part.rate),
            _euros(part.euros),
        ]
        for part in found.by_domain
    ]
    # Two more: the coups de main (quickhelp) its associations marked solved, each valued
    # at its topic's rate, as a mission's hours at its domain's.
    quick = quickhelp_value(scope.associations(), scope.period.start_at, scope.period.end_at)
    if quick.hours:
        label = _("Coups de main (questions résolues)")
        rows.append([label, _hours(quick.hours), None, _euros(quick.euros)])
    hours = found.hours + quick.hours
    euros = found.euros + quick.euros
    rows.append([_("Total"), _hours(hours), None, _euros(euros)])
    return Table(
        key="value",
        title=_("Heures de bénévolat et valeur du travail"),
        explanation=_(
            "Les heures confirmées par les associations du territoire à la fin des missions "
            "terminées pendant la période, par domaine, et ce qu’elles auraient coûté au "
            "tarif horaire de ce domaine (une estimation, en euros)."
        )
        + (
            " "
            + _(
                "Les coups de main comptent aussi : une heure par appel, une demi-heure par "
                "réponse écrite, sur les questions résolues pendant la période, au tarif "
                "horaire du sujet de chaque question."
            )
            if quick.hours
            else ""
        ),
        header=[
            _("Domaine"),
            _("Heures"),
            _("Tarif de l’heure (€)"),
            _("Valeur estimée (€)"),
        ],
        rows=rows,
        chart=bars([(row[0], row[3]) for row in rows[:-1] if row[3] is not None])
        if found.by_domain or quick.hours
        else None,
        chart_description=_("Valeur estimée du travail reçu, en euros, pour chaque domaine."),
        highlights=[
            Highlight(
                _("valeur estimée du travail reçu"),
                f"{shown(_euros(euros))} €",
                ngettext(
                    "pour %(n)s heure de bénévolat",
                    "pour %(n)s heures de bénévolat",
                    int(hours),
                )
                % {"n": shown(_hours(hours))},
            )
        ],
    )


@figure("adoption")
def adoption_table(scope: Scope) -> Table:
    # One query: the questions asked 90 days after a mission's end, due in the period.
    found = adoption_rate(
        scope.associations(), day=90, start=scope.period.start, end=scope.period.end
    )
    rows: list[list] = [
        [_("Oui, nous l’utilisons"), found.yes, share(found.yes, found.answered)],
        [_("En partie"), found.partly, share(found.partly, found.answered)],
        [_("Non, plus maintenant"), found.no, share(found.no, found.answered)],
        [_("Pas de réponse"), found.asked - found.answered, None],
        [_("Questions posées"), found.asked, None],
    ]
    rate = share(found.yes + found.partly, found.answered)
    return Table(
        key="adoption",
        title=_("Adoption à 90 jours"),
        explanation=_(
            "Quatre-vingt-dix jours après la fin d’une mission, l’association répond à une "
            "question : utilise-t-elle encore ce qu’elle a reçu ? Les questions arrivées "
            "pendant la période, et la part de chaque réponse parmi celles reçues."
        ),
        header=[_("Réponse"), _("Associations"), _("Part des réponses (%)")],
        rows=rows,
        chart=bars([(row[0], row[1]) for row in rows[:3]]),
        chart_description=_("Nombre de réponses à 90 jours, pour chaque réponse."),
        highlights=[
            Highlight(
                _("utilisent encore ce qu’elles ont reçu"),
                _percent(rate),
                ngettext("sur %(n)s réponse", "sur %(n)s réponses", found.answered)
                % {"n": found.answered},
            )
        ],
    )


@figure("packs")
def packs_table(scope: Scope) -> Table:
    # One grouped query: each pack of the authority proposed during the period, its places
    # taken and the missions made by them (now, whatever the period).
    period = scope.period
    found = (
        Pack.objects.filter(
            authority_id=scope.territory.authority_id,
            opens_on__lte=period.end,
            closes_on__gte=period.start,
        )
        .exclude(status=Pack.Status.DRAFT)
        .annotate(
            claimed=Count("claims", distinct=True),
            created=Count("claims__missions", distinct=True),
            completed=Count(
                "claims__missions",
                filter=Q(claims__missions__status=Status.COMPLETED),
                distinct=True,
            ),
        )
        .order_by("opens_on", "pk")
        .values_list("title", "places", "claimed", "created", "completed")
    )
    rows: list[list] = [list(row) for row in found]
    claimed = sum(row[2] for row in rows)
    return Table(
        key="packs",
        title=_("Packs numériques"),
        explanation=_(
            "Les packs numériques que vous avez proposés pendant la période : leurs places, "
            "celles prises par une association, les missions créées par ces places et, parmi "
            "elles, celles terminées aujourd’hui."
        ),
        header=[
            _("Pack"),
            _("Places"),
            _("Places prises"),
            _("Missions créées"),
            _("Missions terminées"),
        ],
        rows=rows,
        highlights=[
            Highlight(
                ngettext(
                    "place de pack numérique prise", "places de pack numérique prises", claimed
                ),
                str(claimed),
                ngettext("sur %(n)s place", "sur %(n)s places", sum(row[1] for row in rows))
                % {"n": sum(row[1] for row in rows)},
            )
        ]
        if rows
        else [],
        note="" if rows else _("Vous n’avez proposé aucun pack numérique pendant cette période."),
    )
