"""The period a territory's dashboard covers: a month, a quarter, a year or two dates, chosen
with a plain GET form (no JavaScript), and the bounds its queries compare with."""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# The first year the form offers, and the longest span of two chosen dates (the table of
# missions per month then has at most 61 rows).
FIRST_YEAR = 2024
MAX_DAYS = 5 * 366


class Kind:
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


KIND_CHOICES = [
    (Kind.MONTH, _("Un mois")),
    (Kind.QUARTER, _("Un trimestre")),
    (Kind.YEAR, _("Une année")),
    (Kind.CUSTOM, _("Les dates de votre choix")),
]
QUARTER_CHOICES = [
    (1, _("1er trimestre (janvier à mars)")),
    (2, _("2e trimestre (avril à juin)")),
    (3, _("3e trimestre (juillet à septembre)")),
    (4, _("4e trimestre (octobre à décembre)")),
]

# How a quarter is said, with its year.
QUARTER_LABELS = [
    _("1er trimestre %(year)s"),
    _("2e trimestre %(year)s"),
    _("3e trimestre %(year)s"),
    _("4e trimestre %(year)s"),
]


def _month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def _aware(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day`, local time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime.date
    end: datetime.date  # included

    # --- Made from what the form says --------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        return cls(Kind.MONTH, datetime.date(year, month, 1), _month_end(year, month))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        first = 3 * (quarter - 1) + 1
        return cls(Kind.QUARTER, datetime.date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(Kind.YEAR, datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def custom(cls, start: datetime.date, end: datetime.date) -> "Period":
        return cls(Kind.CUSTOM, start, end)

    @classmethod
    def default(cls, today: datetime.date | None = None) -> "Period":
        """This year: what the page shows before anyone chooses."""
        return cls.year((today or timezone.localdate()).year)

    @classmethod
    def last_month(cls, today: datetime.date | None = None) -> "Period":
        """The month before `today`'s: the one the monthly report covers."""
        first = (today or timezone.localdate()).replace(day=1)
        previous = first - datetime.timedelta(days=1)
        return cls.month(previous.year, previous.month)

    # --- What the queries compare with -------------------------------------------------
    @property
    def start_at(self) -> datetime.datetime:
        return _aware(self.start)

    @property
    def end_at(self) -> datetime.datetime:
        """The first moment after the period (compare with `<`)."""
        return _aware(self.end + datetime.timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period just before, of the same kind: last month, last quarter, last year, or
        as many days before two chosen dates."""
        if self.kind == Kind.MONTH:
            before = self.start - datetime.timedelta(days=1)
            return Period.month(before.year, before.month)
        if self.kind == Kind.QUARTER:
            before = self.start - datetime.timedelta(days=1)
            return Period.quarter(before.year, (before.month - 1) // 3 + 1)
        if self.kind == Kind.YEAR:
            return Period.year(self.start.year - 1)
        end = self.start - datetime.timedelta(days=1)
        return Period.custom(end - datetime.timedelta(days=self.days - 1), end)

    def months(self) -> list[datetime.date]:
        """The first day of each month the period touches, in order."""
        months, day = [], self.start.replace(day=1)
        while day <= self.end:
            months.append(day)
            day = (day + datetime.timedelta(days=32)).replace(day=1)
        return months

    # --- How it is said and linked -----------------------------------------------------
    @property
    def label(self) -> str:
        if self.kind == Kind.MONTH:
            return date_format(self.start, "F Y")
        if self.kind == Kind.QUARTER:
            quarter = QUARTER_LABELS[(self.start.month - 1) // 3]
            return str(quarter % {"year": self.start.year})
        if self.kind == Kind.YEAR:
            return str(_("année %(year)s") % {"year": self.start.year})
        return str(
            _("du %(start)s au %(end)s")
            % {"start": date_format(self.start, "j F Y"), "end": date_format(self.end, "j F Y")}
        )

    @property
    def slug(self) -> str:
        """For file names: 2026-11, 2026-T1, 2026, 2026-03-01_2026-04-15."""
        if self.kind == Kind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == Kind.QUARTER:
            return f"{self.start.year}-T{(self.start.month - 1) // 3 + 1}"
        if self.kind == Kind.YEAR:
            return str(self.start.year)
        return f"{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}"

    def query(self) -> dict[str, str]:
        """The GET parameters of the form that choose this period."""
        if self.kind == Kind.MONTH:
            return {
                "period": self.kind,
                "year": str(self.start.year),
                "month": str(self.start.month),
            }
        if self.kind == Kind.QUARTER:
            quarter = (self.start.month - 1) // 3 + 1
            return {"period": self.kind, "year": str(self.start.year), "quarter": str(quarter)}
        if self.kind == Kind.YEAR:
            return {"period": self.kind, "year": str(self.start.year)}
        return {"period": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat()}


def shortcuts(today: datetime.date | None = None) -> list[tuple[str, Period]]:
    """The periods offered as plain links above the form."""
    today = today or timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    return [
        (str(_("Ce mois-ci")), Period.month(today.year, today.month)),
        (str(_("Le mois dernier")), Period.last_month(today)),
        (str(_("Ce trimestre")), Period.quarter(today.year, quarter)),
        (str(_("Cette année")), Period.year(today.year)),
        (str(_("L’année dernière")), Period.year(today.year - 1)),
    ]


class PeriodForm(forms.Form):
    """Every field is shown at once (no JavaScript hides any): the choice of period says
    which of them count."""

    period = forms.ChoiceField(
        label=_("Quelle période voulez-vous voir ?"),
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        initial=Kind.YEAR,
    )
    year = forms.TypedChoiceField(
        label=_("Année"),
        coerce=int,
        required=False,
        help_text=_("Pour un mois, un trimestre ou une année. Exemple : 2026."),
    )
    month = forms.TypedChoiceField(
        label=_("Mois"),
        coerce=int,
        choices=[(number, name.capitalize()) for number, name in MONTHS.items()],
        required=False,
        help_text=_("Seulement pour « Un mois ». Exemple : mars."),
    )
    quarter = forms.TypedChoiceField(
        label=_("Trimestre"),
        coerce=int,
        choices=QUARTER_CHOICES,
        required=False,
        help_text=_("Seulement pour « Un trimestre »."),
    )
    start = forms.DateField(
        label=_("Du"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Seulement pour « Les dates de votre choix ». Exemple : 01/03/2026."),
    )
    end = forms.DateField(
        label=_("Au"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Le dernier jour compris. Exemple : 30/06/2026."),
    )

    def __init__(self, *args, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        years = range(self.today.year, FIRST_YEAR - 1, -1)
        year = self.fields["year"]
        assert isinstance(year, forms.ChoiceField)
        year.choices = [(number, str(number)) for number in years]
        self.fields["year"].initial = self.today.year
        self.fields["month"].initial = self.today.month
        self.fields["quarter"].initial = (self.today.month - 1) // 3 + 1

    def clean(self):
        data = super().clean() or {}
        kind = data.get("period")
        if kind in (Kind.MONTH, Kind.QUARTER, Kind.YEAR) and not data.get("year"):
            self.add_error("year", _("Choisissez l’année."))
        if kind == Kind.MONTH and not data.get("month"):
            self.add_error("month", _("Choisissez le mois."))
        if kind == Kind.QUARTER and not data.get("quarter"):
            self.add_error("quarter", _("Choisissez le trimestre."))
        if kind == Kind.CUSTOM:
            start, end = data.get("start"), data.get("end")
            if not start:
                self.add_error("start", _("Donnez le premier jour. Exemple : 01/03/2026."))
            if not end:
                self.add_error("end", _("Donnez le dernier jour. Exemple : 30/06/2026."))
            if start and end:
                if end < start:
                    raise ValidationError(
                        _("Le dernier jour vient avant le premier : inversez-les.")
                    )
                if (end - start).days >= MAX_DAYS:
                    raise ValidationError(_("Choisissez au plus cinq années à la fois."))
                if start.year < FIRST_YEAR:
                    self.add_error(
                        "start", _("Les chiffres commencent en %(year)s.") % {"year": FIRST_YEAR}
                    )
        return data

    def chosen(self) -> Period:
        """The period chosen; this year when nothing (or something wrong) was chosen."""
        if not self.is_bound or not self.is_valid():
            return Period.default(self.today)
        data = self.cleaned_data
        kind = data["period"]
        if kind == Kind.MONTH:
            return Period.month(data["year"], data["month"])
        if kind == Kind.QUARTER:
            return Period.quarter(data["year"], data["quarter"])
        if kind == Kind.CUSTOM:
            return Period.custom(data["start"], data["end"])
        return Period.year(data["year"])


def period_from(params, *, today: datetime.date | None = None) -> tuple[PeriodForm, Period]:
    """The form as the GET parameters fill it (unbound without any), and its period."""
    bound = any(key in params for key in ("period", "year", "month", "quarter", "start", "end"))
    form = PeriodForm(params if bound else None, today=today)
    return form, form.chosen()
