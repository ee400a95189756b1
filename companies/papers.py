"""The papers of skills-based volunteering, for one company, one association and one year:
the company's statement (hours, people, the valuation at the cost it entered) and the
association's attestation of the help received (hours and people, never a cost). Both as
PDF (WeasyPrint) and as CSV made for French spreadsheets: UTF-8 with a byte order mark,
`;` between cells, decimal commas."""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from organizations.models import Organization

from .hours import HourLine

BOM = "\ufeff"
# A cell starting with one of these is read as a formula by spreadsheets: a mission titled
# "=HYPERLINK(…)" must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Paper:
    company: Organization
    association: Organization
    year: int
    lines: list[HourLine] = field(default_factory=list)

    @property
    def hours(self) -> int:
        return sum(line.hours for line in self.lines)

    @property
    def people(self) -> int:
        return len({line.employee_id for line in self.lines})

    @property
    def value(self) -> Decimal:
        return sum((line.value for line in self.lines if line.value is not None), Decimal(0))

    @property
    def hours_without_cost(self) -> int:
        return sum(line.hours for line in self.lines if line.hourly_cost is None)

    @property
    def missions(self) -> list[tuple[str, bool, int]]:
        """(mission, recurring, hours) for the association's attestation: what was done,
        not by whom."""
        totals: dict[tuple[str, bool], int] = {}
        for line in self.lines:
            key = (line.mission, line.recurring)
            totals[key] = totals.get(key, 0) + line.hours
        return [(mission, recurring, hours) for (mission, recurring), hours in totals.items()]


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value) -> str:
    return "" if value is None else str(value).replace(".", ",")


def _form(line: HourLine) -> str:
    return _("talent solidaire") if line.recurring else _("mission ponctuelle")


def _identity(organization: Organization) -> str:
    return organization.siren or organization.rna or ""


def _write(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def statement_csv(paper: Paper) -> str:
    rows = [
        [
            _("Association"),
            _("SIREN ou RNA de l’association"),
            _("Salarié·e"),
            _("Mission"),
            _("Forme"),
            _("Mois"),
            _("Heures"),
            _("Coût horaire (€)"),
            _("Valorisation (€)"),
        ]
    ]
    for line in paper.lines:
        rows.append(
            [
                _cell(paper.association.name),
                _identity(paper.association),
                _cell(line.employee),
                _cell(line.mission),
                _form(line),
                line.month.strftime("%m/%Y"),
                str(line.hours),
                _number(line.hourly_cost),
                _number(line.value),
            ]
        )
    rows.append(
        [_("Total"), "", "", "", "", str(paper.year), str(paper.hours), "", _number(paper.value)]
    )
    return _write(rows)


def attestation_csv(paper: Paper) -> str:
    rows = [
        [
            _("Entreprise"),
            _("SIREN de l’entreprise"),
            _("Association"),
            _("Mission"),
            _("Forme"),
            _("Mois"),
            _("Heures"),
        ]
    ]
    for line in paper.lines:
        rows.append(
            [
                _cell(paper.company.name),
                paper.company.siren,
                _cell(paper.association.name),
                _cell(line.mission),
                _form(line),
                line.month.strftime("%m/%Y"),
                str(line.hours),
            ]
        )
    rows.append([_("Total"), "", "", "", "", str(paper.year), str(paper.hours)])
    return _write(rows)


def as_pdf(template: str, paper: Paper, *, language: str) -> bytes:
    from weasyprint import HTML  # heavy: loaded by the pages that print only
    from weasyprint.urls import URLFetcher

    with translation.override(language):
        html = render_to_string(
            template,
            {
                "paper": paper,
                "site_name": settings.SITE_NAME,
                "language": language,
                "today": timezone.localdate(),
            },
        )
    # The page embeds all it needs: it never fetches a thing.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
