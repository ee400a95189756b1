"""The dashboard as a CSV file for the school's records, made for French spreadsheets:
UTF-8 with a byte order mark (so that Excel reads the accents), `;` between cells, decimal
commas and dates as dd/mm/yyyy."""

from django.utils.translation import gettext as _

from core.spreadsheet import as_csv as spreadsheet
from core.spreadsheet import cell as _cell
from core.spreadsheet import date as _date
from core.spreadsheet import number as _number

from .selectors import Dashboard


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
        name = student.student.full_name
        if not student.engagements:
            lines.append([_cell(name)] + [""] * (len(header()) - 1))
        for row in student.engagements:
            completion = row.completion
            validation = row.validation
            lines.append(
                [
                    _cell(name),
                    _cell(row.mission.title),
                    _cell(row.mission.organization.name),
                    str(row.state_label),
                    _number(row.hours),
                    _date(row.application.created_at),
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
    return spreadsheet(header(), rows(dashboard))
