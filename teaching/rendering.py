"""The parts of a cohort's dashboard that repeat, as HTML written in Python.

Forty students and their missions, the bars of two charts and the tables of their numbers:
through the template language they took some three thousand tags, filters and variables, a
few microseconds each, more than all the rest of the page, SQL included. Here each value is
escaped as the template would (`html_of`), the words that every row repeats are translated
once per page (`Words`), and the page is the same, to the byte. The page around them stays
in `templates/teaching/dashboard.html`.
"""

import datetime
import html

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, localize
from django.utils.safestring import SafeData, SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from core.converters import MAX_ID

from .models import Validation
from .selectors import EngagementRow, State, StudentRow

# The spaces and line breaks are those the template loop wrote.
STUDENT = """
    <article class="tch-student" aria-labelledby="tch-student-{membership_id}">
      <h3 id="tch-student-{membership_id}">{name}
        {left}</h3>
      <p class="meta">{hours}</p>
      {engagements}
    </article>
    """
LINKED_NAME = '<a href="{url}">{name}</a>'
LEFT = '<span class="badge badge-warn">{text}</span>'
ENGAGEMENTS = """
        <ul class="tch-engagements">
          {rows}
        </ul>
      """
NO_ENGAGEMENT = """
        <p>{text}</p>
      """
ENGAGEMENT = """
            <li class="card tch-engagement">
              <p class="tch-mission"><strong>{title}</strong> · {organization}</p>
              <dl class="facts tch-facts">
                {class_project}
                <dt>{state_label}</dt><dd>{state}{late}</dd>
                <dt>{hours_label}</dt><dd>{hours}</dd>
                <dt>{delivered_label}</dt><dd>{delivered}</dd>
                <dt>{rating_label}</dt><dd>{rating}</dd>
                <dt>{validation_label}</dt><dd>{validation}</dd>
              </dl>
              {validate}
            </li>
          """
CLASS_PROJECT = "<dt>{label}</dt><dd>{name} · {role}</dd>"
LATE = ' <span class="badge badge-warn">{text}</span>'
VALIDATE = """
                <p><a href="{url}">{text}<span class="m-visually-hidden"> : {name}, {title}\
</span></a></p>
              """
# What `ENGAGEMENT` takes for each row (the rest, its headings, is the same for all).
ENGAGEMENT_VALUES = (
    "title",
    "organization",
    "class_project",
    "state",
    "late",
    "hours",
    "delivered",
    "rating",
    "validation",
    "validate",
)
TABLE_ROW = '<tr><th scope="row">{label}</th><td>{value}</td></tr>'
NOTHING = "—"
EMPTY = SafeString("")


def html_of(fragment: str, **values) -> SafeString:
    """`fragment` with `values` escaped (numbers and safe strings as they are): Django's
    `format_html`, without its checks for lazy strings (a few microseconds a value, and a
    page holds a thousand)."""
    for key, value in values.items():
        if not isinstance(value, SafeData):
            values[key] = str(value) if type(value) is int else html.escape(str(value))
    return SafeString(fragment.format_map(values))


def number(value: int) -> str:
    """An integer as the template writes it (`localize`), without its per-call lookups."""
    return localize(value) if settings.USE_THOUSAND_SEPARATOR else str(value)


def table_rows(rows: list[tuple[str, int]]) -> SafeString:
    """The rows of a chart's table of numbers: a header cell, a number."""
    return SafeString(
        "".join(html_of(TABLE_ROW, label=label, value=number(value)) for label, value in rows)
    )


def _escaped(text: str) -> SafeString:
    return SafeString(html.escape(text))


def _brace(text: str) -> str:
    """`text` written into a fragment that is formatted again."""
    return text.replace("{", "{{").replace("}", "}}")


def _url_of(name: str, *args: int):
    """A function of an id giving the address `name` with `args` and that id: the URL is
    reversed once, with an id no row has (`MAX_ID`), then each row's id put in its place."""
    model = reverse(name, args=[*args, MAX_ID])
    return lambda pk: model.replace(str(MAX_ID), str(pk))


class Words:
    """What the rows say the same way, translated once for the page, in its language."""

    def __init__(self) -> None:
        # The row's fragment with its headings written in, once.
        labels = {
            "state_label": gettext("État"),
            "hours_label": gettext("Heures"),
            "delivered_label": gettext("Travail remis"),
            "rating_label": gettext("Avis de l’association"),
            "validation_label": gettext("Votre validation"),
        }
        self.engagement = ENGAGEMENT.format_map(
            {
                **{key: "{" + key + "}" for key in ENGAGEMENT_VALUES},
                **{key: _brace(html.escape(text)) for key, text in labels.items()},
            }
        )
        self.class_project = _escaped(gettext("Projet de classe"))
        self.no_engagement = _escaped(gettext("Pas encore de mission pour la promotion."))
        self.change = _escaped(gettext("Changer mon avis"))
        self.validate = _escaped(gettext("Valider ou demander d’améliorer"))
        self.states = {
            state: _escaped(capfirst(str(label))) for state, label in State.LABELS.items()
        }
        self.verdicts = {
            verdict: capfirst(str(label)) for verdict, label in Validation.Verdict.choices
        }
        self.by_student = gettext("(selon l’élève)")
        self.out_of_5 = gettext("%(rating)s sur 5")
        self.left = gettext("a quitté la promotion le %(date)s")
        self._days: dict[datetime.date, str] = {}
        self._delivered: dict[int, str] = {}
        self._student_hours: dict[int, str] = {}

    def day(self, value: datetime.datetime | datetime.date) -> str:
        """A date as the page writes it: "7 décembre 2026" (the `date:"j F Y"` filter)."""
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value)
        if value not in self._days:
            self._days[value] = date_format(value, "j F Y")
        return self._days[value]

    def hours(self, row: EngagementRow) -> str:
        hours = row.hours
        if hours is None:
            return NOTHING
        return number(hours) if row.is_completed else f"{number(hours)} {self.by_student}"

    def delivered(self, row: EngagementRow) -> str:
        completion = row.completion
        if completion is None or not completion.delivered_at:
            return NOTHING
        n = row.deliverable_count
        if n not in self._delivered:
            self._delivered[n] = ngettext(
                "le %(date)s, %(n)s livrable", "le %(date)s, %(n)s livrables", n
            )
        return self._delivered[n] % {"date": self.day(completion.delivered_at), "n": number(n)}

    def rating(self, row: EngagementRow) -> str:
        return self.out_of_5 % {"rating": localize(row.rating)} if row.rating else NOTHING

    def validation(self, row: EngagementRow) -> str:
        validation = row.validation
        if validation is None:
            return NOTHING
        verdict = self.verdicts.get(validation.verdict, validation.verdict)
        return f"{verdict} : « {validation.comment} »" if validation.comment else verdict

    def student_hours(self, student: StudentRow) -> str:
        n = student.hours
        if n not in self._student_hours:
            self._student_hours[n] = ngettext("%(n)s heure confirmée", "%(n)s heures confirmées", n)
        return self._student_hours[n] % {"n": number(n)}

    def left_on(self, student: StudentRow) -> str:
        return self.left % {"date": self.day(student.ended_at) if student.ended_at else ""}


def students_html(students: list[StudentRow], *, cohort_id: int, viewer_id: int) -> SafeString:
    """Each student with her engagements. Her name links to her profile when it exists and
    she is still in the cohort (its teachers may read it then: `receivers`); the link to
    validate an engagement is for completed ones, and never on the viewer's own (a teacher
    in her own cohort)."""
    words = Words()
    profile_url = _url_of("volunteers:detail")
    validate_url = _url_of("teaching:validate", cohort_id)
    parts = []
    for student in students:
        # Not on her own engagements: a teacher who is also a student of the cohort.
        can_validate = student.student_id != viewer_id
        rows = [
            _engagement(row, student, words, can_validate, validate_url)
            for row in student.engagements
        ]
        name = student.name
        if student.has_profile and student.is_joined:
            name = html_of(LINKED_NAME, url=profile_url(student.student_id), name=name)
        parts.append(
            html_of(
                STUDENT,
                membership_id=student.membership_id,
                name=name,
                left=EMPTY if student.is_joined else html_of(LEFT, text=words.left_on(student)),
                hours=words.student_hours(student),
                engagements=(
                    html_of(ENGAGEMENTS, rows=SafeString("".join(rows)))
                    if rows
                    else html_of(NO_ENGAGEMENT, text=words.no_engagement)
                ),
            )
        )
    return SafeString("".join(parts))


def _engagement(
    row: EngagementRow, student: StudentRow, words: Words, can_validate: bool, validate_url
) -> SafeString:
    validate = EMPTY
    if row.is_completed and can_validate:
        validate = html_of(
            VALIDATE,
            url=validate_url(row.application_id),
            text=words.change if row.validation else words.validate,
            name=student.name,
            title=row.title,
        )
    class_project = EMPTY
    if row.class_project:
        class_project = html_of(
            CLASS_PROJECT,
            label=words.class_project,
            name=row.class_project,
            role=row.class_project_role,
        )
    return html_of(
        words.engagement,
        title=row.title,
        organization=row.organization,
        class_project=class_project,
        state=words.states[row.state],
        late=html_of(LATE, text=row.late) if row.late else EMPTY,
        hours=words.hours(row),
        delivered=words.delivered(row),
        rating=words.rating(row),
        validation=words.validation(row),
        validate=validate,
    )
