"""What other apps' pages show of companies, without importing them:

`{% supporters mission as supporters %}` then `{% support_line supporters application %}`:
on the association's list of applications, « soutenue par … » once a manager approved the
time (one query for the page). `{% sponsorship_panel application viewer %}`: on one
application's page, her request and its answer to the volunteer, the company's support to
the association (nothing before it was approved). `{{ rows|hour_rows }}`: the rows of the
dashboard's tables."""

from django import template

from companies.charts import table_rows
from companies.selectors import recurring_of, sponsorship_of, supporters_of

register = template.Library()


@register.simple_tag
def supporters(mission) -> dict:
    return supporters_of(mission)


@register.inclusion_tag("companies/_support_line.html")
def support_line(supporters: dict, application) -> dict:
    return {"sponsorship": supporters.get(application.pk)}


@register.inclusion_tag("companies/_sponsorship_panel.html", takes_context=True)
def sponsorship_panel(context, application, viewer) -> dict:
    sponsorship = sponsorship_of(application)
    if sponsorship is not None and not viewer.is_volunteer and not sponsorship.is_approved:
        sponsorship = None  # the association reads the company's support once approved only
    recurring = None
    if sponsorship is not None and sponsorship.is_approved and sponsorship.is_recurring:
        recurring = recurring_of(sponsorship)
    return {
        "sponsorship": sponsorship,
        "recurring": recurring,
        "viewer": viewer,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def hour_rows(rows):
    """`{{ rows|hour_rows }}`: the (label, hours) rows of a chart's table, as table rows."""
    return table_rows(rows)
