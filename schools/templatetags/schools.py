"""`{% cohort_lines user %}`: « École · Promotion » for each cohort a student is in, where
other apps' pages show who she is (her profile, the dashboard) without importing schools."""

from django import template

from schools.selectors import cohorts_of_student

register = template.Library()


@register.inclusion_tag("schools/_cohort_lines.html")
def cohort_lines(user, *, leave_links: bool = False) -> dict:
    return {"memberships": cohorts_of_student(user), "leave_links": leave_links}
