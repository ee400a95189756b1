"""The dashboard as a CSV file for the school's records, made for French spreadsheets:
UTF-8 with a byte order mark (so that Excel reads the accents), `;` between cells, decimal
commas and dates as dd/mm/yyyy."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from .selectors import Dashboard

BOM = "\ufeff"
# A cell starting with one of these is read as a formula by spreadsheets: a student's
# mission titled "=HYPERLINK(…)" must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _date(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")


def _number(value) -> str:
    return "" if value is None else str(value).replace(".", ",")


def header() -> list[str]:
    return [
        _("Élève"),
        _("Mission"),
        _("Association"),
        _("État"),
        _("Heures"),
        _("Candidature le"),
        _("Terminée le"),
        _("Travail remis le"),
        _("Livrables"),
        _("Note de l’association (sur 5)"),
        _("Validation"),
        _("Commentaire de l’enseignant·e"),
        _("En retard"),
        _("Projet de classe"),
        _("Rôle"),
    ]


def rows(dashboard: Dashboard) -> list[list[str]]:
    """One row per student and engagement; a student with none has one row, her name."""
    lines = []
    for student in dashboard.students:
        name = student.name
        if not student.engagements:
            lines.append([_cell(name)] + [""] * (len(header()) - 1))
        for row in student.engagements:
            completion = row.completion
            validation = row.validation
            lines.append(
                [
                    _cell(name),
                    _cell(row.title),
                    _cell(row.organization),
                    str(row.state_label),
                    _number(row.hours),
                    _date(row.applied_at),
                    _date(completion.completed_at if completion else None),
                    _date(completion.delivered_at if completion else None),
                    str(row.deliverable_count) if completion else "",
                    _number(row.rating),
                    str(validation.get_verdict_display()) if validation else "",
                    _cell(validation.comment if validation else ""),
                    str(row.late),
                    _cell(row.class_project),
                    _cell(row.class_project_role),
                ]
            )
    return lines


def as_csv(dashboard: Dashboard) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header())
    writer.writerows(rows(dashboard))
    return buffer.getvalue()
