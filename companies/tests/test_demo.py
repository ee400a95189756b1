from django.utils import timezone

from accounts import demo as accounts_demo
from companies import demo
from companies.dashboard import dashboard_of
from companies.models import CheckIn, Employee, Sponsorship
from completion import demo as completion_demo
from core.demo import DemoContext
from engagements import demo as engagements_demo
from missions import demo as missions_demo
from organizations import demo as organizations_demo
from volunteers import demo as volunteers_demo


def test_a_company_with_a_programme_five_employees_and_a_talent_solidaire(db):
    ctx = DemoContext(seed=2026, options={"volunteers": 30}, quiet=True)
    for module in (
        accounts_demo,
        organizations_demo,
        volunteers_demo,
        missions_demo,
        engagements_demo,
        completion_demo,
    ):
        module.build(ctx)

    demo.build(ctx)

    company = ctx.objects["company"]
    assert company.organization.is_verified
    assert company.programmes.get().is_open
    assert Employee.objects.filter(company=company, status="joined").count() == 5
    assert set(Employee.objects.values_list("via", flat=True)) == {"domain", "link"}
    talent = Sponsorship.objects.get(format="recurring")
    assert (talent.status, talent.recurring.status) == ("approved", "active")
    assert CheckIn.objects.filter(engagement=talent.recurring).count() == 2
    assert Sponsorship.objects.filter(status="requested").count() == 1
    year = timezone.localdate().year
    this_year = CheckIn.objects.filter(month__year=year).values_list("hours", flat=True)
    assert dashboard_of(company, year).hours == sum(this_year)
