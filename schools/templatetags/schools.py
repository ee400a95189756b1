"""`{% cohort_lines user %}`: « École · Promotion » for each cohort a student is in, where
other apps' pages show who she is (her profile, the dashboard) without importing schools.
`{% pin_form mission %}`: on a mission's page, the small form a teacher uses to choose it
for one of her cohorts, and the links to propose a team of a cohort she teaches.
`{% class_projects mission %}`: the class projects proposed, on the applications page."""

from django import template

from core.roles import roles_of
from schools.selectors import cohorts_of_student, pin_choices, project_choices, projects_for_mission

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
        # The cohorts she teaches: « propose my class for this mission ».
        "teams": project_choices(user, mission) if cohorts else [],
        "unpinned": [cohort for cohort in cohorts if not cohort.is_pinned],
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
    }


@register.inclusion_tag("schools/_mission_projects.html")
def class_projects(mission) -> dict:
    """On the association's applications page: the class projects proposed for `mission`
    (the page has checked that the viewer is a member)."""
    return {"projects": projects_for_mission(mission)}
