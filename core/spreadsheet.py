"""CSV files made for French spreadsheets: UTF-8 with a byte order mark (so that Excel reads
the accents), `;` between cells, decimal commas, dates as dd/mm/yyyy, and no cell a
spreadsheet would run as a formula."""

import csv
import io
from collections.abc import Iterable

from django.utils import timezone

BOM = "\ufeff"
# A cell starting with one of these is read as a formula by spreadsheets: a mission titled
# "=HYPERLINK(…)" must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """Text as text: a formula-looking one gets a leading apostrophe."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def date(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")


def number(value) -> str:
    """A number as a French spreadsheet reads it (a negative one stays a number)."""
    return "" if value is None else str(value).replace(".", ",")


def as_csv(header: list[str], rows: Iterable[list[str]]) -> str:
    """The file's text; the cells are given ready (through `cell`, `date`, `number`)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
