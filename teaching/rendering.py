"""The students part of a cohort's dashboard, as HTML written in Python.

It is what the page repeats: forty students and their missions. Through the template
language it took some two thousand tags, filters and variables, a few microseconds each:
more than the rest of the page, SQL included. Here each value is escaped as the template
would (`html_of`), for a small part of the cost. The page around it stays in
`templates/teaching/dashboard.html`; the words of each cell come from the rows
(`selectors.EngagementRow`, `selectors.StudentRow`).
"""

import html

from django.urls import reverse
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

from .selectors import EngagementRow, StudentRow

# The spaces and line breaks are those the template loop wrote: the page is the same, to the byte.
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


def html_of(fragment: str, **values) -> SafeString:
    """`fragment` with `values` escaped, unless safe already: Django's `format_html`,
    without its lazy-string checks (a few microseconds a value, a thousand values)."""
    return mark_safe(
        fragment.format_map(
            {
                key: value if isinstance(value, SafeData) else html.escape(str(value))
                for key, value in values.items()
            }
        )
    )


def _escaped(text: str) -> SafeString:
    return mark_safe(html.escape(text))


def students_html(students: list[StudentRow], *, cohort_id: int, viewer_id: int) -> SafeString:
    """Each student with her engagements; the link to validate one is for completed
    engagements, and never on the viewer's own (a teacher in her own cohort)."""
    # The same words on every row: translated and escaped once.
    labels = {
        "state_label": _escaped(gettext("État")),
        "hours_label": _escaped(gettext("Heures")),
        "delivered_label": _escaped(gettext("Travail remis")),
        "rating_label": _escaped(gettext("Avis de l’association")),
        "validation_label": _escaped(gettext("Votre validation")),
    }
    words = {
        "class_project": _escaped(gettext("Projet de classe")),
        "no_engagement": _escaped(gettext("Pas encore de mission pour la promotion.")),
        "change": _escaped(gettext("Changer mon avis")),
        "validate": _escaped(gettext("Valider ou demander d’améliorer")),
    }
    parts = []
    for student in students:
        rows = [
            _engagement(row, student, labels, words, cohort_id, viewer_id)
            for row in student.engagements
        ]
        parts.append(
            html_of(
                STUDENT,
                membership_id=student.membership_id,
                name=(
                    html_of(LINKED_NAME, url=student.profile_url, name=student.name)
                    if student.profile_url
                    else student.name
                ),
                left="" if student.is_joined else html_of(LEFT, text=student.left_text),
                hours=student.hours_text,
                engagements=(
                    html_of(ENGAGEMENTS, rows=mark_safe("".join(rows)))
                    if rows
                    else html_of(NO_ENGAGEMENT, text=words["no_engagement"])
                ),
            )
        )
    return mark_safe("".join(parts))


def _engagement(
    row: EngagementRow,
    student: StudentRow,
    labels: dict[str, str],
    words: dict[str, str],
    cohort_id: int,
    viewer_id: int,
) -> SafeString:
    validate = ""
    if row.is_completed and student.student_id != viewer_id:
        validate = html_of(
            VALIDATE,
            url=reverse("teaching:validate", args=[cohort_id, row.application_id]),
            text=words["change"] if row.validation else words["validate"],
            name=student.name,
            title=row.title,
        )
    return html_of(
        ENGAGEMENT,
        title=row.title,
        organization=row.organization,
        class_project=(
            html_of(
                CLASS_PROJECT,
                label=words["class_project"],
                name=row.class_project,
                role=row.class_project_role,
            )
            if row.class_project
            else ""
        ),
        state=row.state_text,
        late=html_of(LATE, text=row.late) if row.late else "",
        hours=row.hours_text,
        delivered=row.delivered_text,
        rating=row.rating_text,
        validation=row.validation_text,
        validate=validate,
        **labels,
    )
