"""`{% cohort_lines user %}`: « École · Promotion » for each cohort a student is in, where
other apps' pages show who she is (her profile, the dashboard) without importing schools.
`{% pin_form mission %}`: on a mission's page, the small form a teacher uses to choose it
for one of her cohorts."""

from django import template

from core.roles import roles_of
from schools.selectors import cohorts_of_student, pin_choices

register = template.Library()


@register.inclusion_tag("schools/_cohort_lines.html")
def cohort_lines(user, *, leave_links: bool = False) -> dict:
    return {"memberships": cohorts_of_student(user), "leave_links": leave_links}


@register.inclusion_tag("schools/_pin_form.html", takes_context=True)
def pin_form(context, mission) -> dict:
    request = context["request"]
    user = request.user
    # Only members of an organisation can teach: the others cost no query (roles are read
    # once per request for the header already).
    cohorts = (
        pin_choices(user, mission) if user.is_authenticated and roles_of(user).organization else []
    )
    return {
        "mission": mission,
        "cohorts": cohorts,
        "unpinned": [cohort for cohort in cohorts if not cohort.is_pinned],
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
    }
