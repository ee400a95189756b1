"""axe-core over every page of the marketplace, at 360 and 1280 px, each seen by someone
who may see it (the table of the permission walk says who)."""

import pytest
from playwright.sync_api import expect

from conftest import WIDTHS, axe_violations

from .test_permission_walk import (
    CHALLENGE_PAGES,
    CLASS_PAGES,
    CLASS_ROLES,
    IMPACT_PAGES,
    IMPACT_ROLES,
    PAGES,
    ROLES,
    SCHOOL_PAGES,
    SCHOOL_ROLES,
    TEACHING_PAGES,
    TEACHING_ROLES,
    TERRITORY_PAGES,
    TERRITORY_ROLES,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Who looks at a page, by preference: the person the page is for comes first.
VIEWERS = ["yacine", "lea", "staff", "karim", "bruno", "anonymous"]


def viewer_of(expected: str) -> str:
    allowed = {role for role, got in zip(ROLES, expected.split(), strict=True) if got == "ok"}
    # Pages no one of the walk may see are the admin's: Martine's.
    return next((role for role in VIEWERS if role in allowed), "martine")


def pages_to_check() -> list[tuple[str, str]]:
    pages = [(template, viewer_of(expected)) for template, expected in PAGES.items()]
    # The home page is a different dashboard for each person.
    pages += [("/", role) for role in ROLES if role != viewer_of(PAGES["/"])]
    # Not pages: the communes' suggestions (a fragment) and an attachment (a download).
    skipped = ("/geo/", "/messages/attachments/")
    # Nor the invitations of people who may not be invited: a 404 for everyone, Martine too.
    refused = {
        "/missions/{mission}/invite/{staff_user}/",
        "/missions/{mission}/invite/{bruno_user}/",
    }
    return [
        (template, role)
        for template, role in pages
        if not template.startswith(skipped) and template not in refused
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_marketplace_page_has_no_accessibility_violation(
    shipped_data, new_page, width, world
):
    failures = {}
    pages = {}
    for template, role in pages_to_check():
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


# The schools' pages: the teacher's first, then the student's, then anyone's.
SCHOOL_VIEWERS = ["sophie", "ines", "paul", *VIEWERS]


def school_pages_to_check() -> list[tuple[str, str]]:
    pages = []
    for template, expected in SCHOOL_PAGES.items():
        allowed = {
            role for role, got in zip(SCHOOL_ROLES, expected.split(), strict=True) if got == "ok"
        }
        pages.append((template, next(role for role in SCHOOL_VIEWERS if role in allowed)))
    # The same pages as others see them: a student's, a newcomer's.
    pages += [("/schools/", "ines"), ("/schools/", "lea"), ("/schools/join/{code}/", "anonymous")]
    pages += [("/schools/join/{code}/", "lea"), ("/volunteers/{ines}/", "ines"), ("/", "ines")]
    # Curation: the teacher's form on a mission's page, the chosen missions on the student's
    # « missions pour vous », the calls for needs on an association's dashboard.
    pages += [("/missions/{mission}/", "sophie"), ("/missions/for-you/", "ines"), ("/", "yacine")]
    return pages


def choose_and_propose(world) -> None:
    """A mission chosen for the cohort, a draft proposed for the call, and a second cohort
    for Sophie (so that the mission page offers her the form)."""
    from missions.models import Mission
    from schools import services
    from schools.models import CallForNeeds, Cohort
    from schools.tests.factories import CohortFactory

    sophie, cohort = world["users"]["sophie"], Cohort.objects.get(pk=world["cohort"])
    CohortFactory(school=cohort.school, name="BUT MMI 2e année", teachers=[sophie])
    services.mission_pin(cohort=cohort, mission=Mission.objects.get(pk=world["mission"]), by=sophie)
    services.call_propose(
        call=CallForNeeds.objects.get(pk=world["call"]),
        mission=Mission.objects.get(pk=world["draft"]),
        by=world["users"]["yacine"],
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_every_school_page_has_no_accessibility_violation(
    shipped_data, new_page, width, school_world
):
    world = {**school_world, "ines": school_world["users"]["ines"].pk}
    choose_and_propose(world)
    failures = {}
    pages = {}
    for template, role in school_pages_to_check():
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


# The challenges' pages: the organiser's first, then the association's, the student's, anyone's.
CHALLENGE_VIEWERS = ["sophie", "yacine", "ines", *SCHOOL_VIEWERS]


def challenge_pages_to_check() -> list[tuple[str, str]]:
    pages = []
    for template, expected in CHALLENGE_PAGES.items():
        if "/files/" in template:  # a download, not a page
            continue
        allowed = {
            role for role, got in zip(SCHOOL_ROLES, expected.split(), strict=True) if got == "ok"
        }
        if not allowed:  # a page nobody sees yet (results before they are published)
            continue
        pages.append((template, next(role for role in CHALLENGE_VIEWERS if role in allowed)))
    # The event as an association, a student in a team, a newcomer and a visitor see it; the
    # invitation as a visitor.
    pages += [("/challenges/{event}/", role) for role in ("yacine", "ines", "lea", "anonymous")]
    pages += [("/challenges/join/{team_code}/", "anonymous"), ("/challenges/", "anonymous")]
    # Her team as its leader sees it: the challenge to choose, the way out.
    pages += [("/challenges/teams/{student_team}/", "ines")]
    # A team's answer as a member revising it (the form) and after the deadline (read only).
    pages += [("/challenges/teams/{running_team}/submission/", "ines")]
    pages += [("/challenges/teams/{finished_team}/submission/", "ines")]
    # After the event, as the association's admin: the answer with its button, the page that
    # confirms it.
    pages += [("/challenges/teams/{finished_team}/submission/", "martine")]
    pages += [("/challenges/teams/{finished_team}/to-mission/", "martine")]

    # The juror with answers to score: her list (the scoring page itself is in the table).
    pages += [("/challenges/{judging_event}/scoring/", "karim")]
    return pages


@pytest.mark.parametrize("width", WIDTHS)
def test_every_challenge_page_has_no_accessibility_violation(
    shipped_data, new_page, width, challenge_world
):
    world = challenge_world
    failures = {}
    pages = {}
    for template, role in challenge_pages_to_check():
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_after_the_event_pages_have_no_accessibility_violation(
    shipped_data, new_page, width, challenge_world
):
    """Once an answer became a mission and Inès shows it in her public book (with its
    files): the organiser's follow-up, the answer, her choice, her book."""
    from challenges import followup
    from challenges.models import Team
    from portfolio.models import BookAnswer, Portfolio

    world = challenge_world
    team = Team.objects.get(pk=world["finished_team"])
    followup.answer_to_mission(team=team, by=world["users"]["martine"])
    ines = world["users"]["ines"]
    Portfolio.objects.create(user=ines, slug="ines-moreau", is_public=True)
    BookAnswer.objects.create(user=ines, team=team, show_files=True)
    checks = [
        ("/challenges/{finished_event}/followups/", "sophie"),
        ("/challenges/teams/{finished_team}/submission/", "martine"),
        ("/challenges/teams/{finished_team}/to-mission/", "martine"),
        ("/book/answers/{finished_team}/", "ines"),
        ("/book/ines-moreau/", "anonymous"),
    ]
    failures = {}
    pages = {}
    for template, role in checks:
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


# Class projects: each page as the teacher, the association and the lead see it (the team
# form with an error, the project waiting for an answer, the accepted one with its
# agreement to confirm), and the mission page where a teacher finds the team form.
CLASS_VIEWS = [
    ("/schools/cohorts/{cohort}/missions/{proposed_mission}/team/", "sophie"),
    ("/schools/projects/{proposed}/", "sophie"),
    ("/schools/projects/{proposed}/", "yacine"),
    ("/schools/projects/{proposed}/decline/", "yacine"),
    ("/schools/projects/{accepted}/", "ines"),
    ("/schools/projects/{accepted}/", "sophie"),
    ("/schools/projects/{accepted}/", "yacine"),
    ("/missions/{proposed_mission}/applications/", "yacine"),
    ("/missions/{proposed_mission}/", "sophie"),
    ("/applications/", "hugo"),
    ("/applications/{team_agreement}/agreement/", "sophie"),
    # A student of the team on the mission's page: what her teammates handed over.
    ("/missions/{accepted_mission}/", "ines"),
]
assert {template for template, _role in CLASS_VIEWS} >= set(CLASS_PAGES) - {
    "/messages/{class_thread}/",  # the conversation page is swept with the marketplace's
    "/applications/{team_agreement}/",  # and so is an application's
}
assert {role for _template, role in CLASS_VIEWS} <= set(CLASS_ROLES)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_class_project_page_has_no_accessibility_violation(
    shipped_data, new_page, width, class_world
):
    world = class_world
    failures = {}
    pages = {}
    for template, role in CLASS_VIEWS:
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        if template.endswith("/team/"):  # the form as it comes back with an error
            page.get_by_role("button", name="Proposer l’équipe à l’association").click()
            page.wait_for_load_state()
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


# The teaching pages: the cohort's teacher's first, then the other teacher's.
TEACHING_VIEWERS = ["sophie", "claire", "ines", *SCHOOL_VIEWERS]


def teaching_pages_to_check() -> list[tuple[str, str]]:
    pages = []
    for template, expected in TEACHING_PAGES.items():
        allowed = {
            role for role, got in zip(TEACHING_ROLES, expected.split(), strict=True) if got == "ok"
        }
        viewer = next((role for role in TEACHING_VIEWERS if role in allowed), None)
        # Not pages: the CSV (a download); the others' pages are checked elsewhere.
        if viewer and template.startswith("/teaching/") and not template.endswith(".csv"):
            pages.append((template, viewer))
    # Her teacher's verdict on the student's dashboard; the list of a teacher of no cohort.
    pages += [("/", "ines"), ("/teaching/", "lea")]
    # And on the end page of her mission.
    pages += [("/applications/{ines_work}/completion/", "ines")]
    return pages


@pytest.mark.parametrize("width", WIDTHS)
def test_every_teaching_page_has_no_accessibility_violation(
    shipped_data, new_page, width, teaching_world
):
    from engagements.models import Application
    from schools.models import Cohort
    from teaching.services import validation_give

    world = teaching_world
    validation_give(
        application=Application.objects.get(pk=world["ines_work"]),
        cohort=Cohort.objects.get(pk=world["cohort"]),
        by=world["users"]["sophie"],
        verdict="to_improve",
        comment="Ajoutez une version monochrome du logo, pour les tampons et les fax.",
    )
    failures = {}
    pages = {}
    for template, role in teaching_pages_to_check():
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


# The territories' pages: each seen by the first person of the walk who may see it, and the
# territory form with its errors (an unknown commune).
def territory_pages_to_check() -> list[tuple[str, str]]:
    pages = []
    for template, expected in TERRITORY_PAGES.items():
        allowed = [
            role
            for role, got in zip(TERRITORY_ROLES, expected.split(), strict=True)
            if got == "ok" and role != "staff"
        ]
        if allowed and template.startswith("/territories/"):
            pages.append((template, allowed[0]))
    pages += [
        ("/moderation/", "marc"),
        ("/moderation/organizations/{garden}/", "marc"),
        ("/moderation/organizations/{rhone}/", "staff"),
        ("/organizations/{rhone}/", "claire"),
        ("/organizations/{garden}/", "odette"),
        ("/missions/mine/", "nora"),
    ]
    return pages


@pytest.mark.parametrize("width", WIDTHS)
def test_every_territory_page_has_no_accessibility_violation(
    shipped_data, new_page, width, territory_world
):
    failures = {}
    pages = {}
    for template, role in territory_pages_to_check():
        if role not in pages:
            pages[role] = new_page(width, user=territory_world["users"][role])
        page = pages[role]
        url = template.format(**territory_world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    # The declaration form, sent with an unknown commune: its errors too.
    page = new_page(width, user=territory_world["users"]["hugo"])
    page.goto("/territories/{venissieux}/edit/".format(**territory_world))
    page.check("input[name=level][value=epci]")
    page.fill("textarea[name=communes]", "Vénissieux\nTrucville-sur-Rien")
    page.get_by_role("button", name="Enregistrer le territoire").click()
    expect(page.locator("main")).to_contain_text("Trucville-sur-Rien")
    violations = axe_violations(page)
    if violations:
        failures["the territory form with errors"] = {"axe": violations}
    assert failures == {}


# The packs numériques: the authority's pages (list, form with its errors, a draft, the
# follow page once an association took the pack), the pack as an association sees it before
# and after its one click, on the dashboard and under the diagnosis's plan, and the refusal
# a plain member gets if she posts anyway.
PACK_SWEEP = [
    ("/territories/{venissieux}/packs/", "hugo"),
    ("/territories/{venissieux}/packs/new/", "hugo"),
    ("/territories/{venissieux}/packs/{pack}/edit/", "hugo"),
    ("/territories/{venissieux}/packs/{draft_pack}/", "hugo"),
    ("/", "odette"),
    ("/", "gaston"),
    ("/territories/packs/{pack}/", "odette"),
    ("/territories/packs/{pack}/", "gaston"),
    ("/territories/packs/{pack}/", "nora"),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_pack_page_has_no_accessibility_violation(shipped_data, new_page, width, pack_world):
    from diagnosis.tests.helpers import answer_all
    from organizations.models import Organization

    world = pack_world
    garden = Organization.objects.get(slug=world["garden"])
    diagnosis = answer_all(garden, world["users"]["odette"])
    failures = {}
    pages = {}

    def check(page, label):
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[label] = {"axe": violations, "overflow": overflow}

    for template, role in PACK_SWEEP:
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        check(page, f"{url} as {role}")
    hugo, odette = pages["hugo"], pages["odette"]
    # The form sent without a mission and with its dates the wrong way round: its errors.
    hugo.goto("/territories/{venissieux}/packs/new/".format(**world))
    hugo.fill("input[name=title]", "Pack atelier")
    hugo.fill("textarea[name=presentation]", "Un atelier pour les bénévoles.")
    hugo.fill("input[name=places]", "3")
    hugo.fill("input[name=opens_on]", "2030-05-01")
    hugo.fill("input[name=closes_on]", "2030-04-01")
    hugo.get_by_role("button", name="Préparer le pack").click()
    expect(hugo.locator("main")).to_contain_text("Cochez au moins une mission.")
    check(hugo, "the pack form with errors")
    # The plan of the diagnosis offers the pack; one click takes it.
    odette.goto(f"/diagnosis/{garden.slug}/{diagnosis.pk}/")
    assert "Un coup de pouce de votre collectivité" in odette.content()
    check(odette, "the diagnosis's plan with the pack")
    odette.get_by_role("button", name="Prendre le pack « Pack numérique des Minguettes »").click()
    expect(odette.locator("main")).to_contain_text("votre association a sa place")
    check(odette, "the pack's page once taken")
    hugo.goto("/territories/{venissieux}/packs/{pack}/".format(**world))
    assert "Jardins des Minguettes" in hugo.content()
    check(hugo, "the follow page with a claim")
    # Gaston posts anyway, through the form a page would have: the refusal, in words.
    gaston = pages["gaston"]
    gaston.goto("/territories/packs/{pack}/".format(**world))
    with gaston.expect_navigation():
        gaston.evaluate(
            """([url, association]) => {
                const form = document.createElement("form");
                form.method = "post";
                form.action = url;
                const token = document.querySelector("[name=csrfmiddlewaretoken]").value;
                for (const [name, value] of [
                    ["csrfmiddlewaretoken", token],
                    ["association", association],
                ]) {
                    const input = document.createElement("input");
                    input.type = "hidden";
                    input.name = name;
                    input.value = value;
                    form.append(input);
                }
                document.body.append(form);
                form.submit();
            }""",
            ["/territories/packs/{pack}/claim/".format(**world), world["garden"]],
        )
    assert "Seuls les administrateurs" in gaston.content()
    check(gaston, "the refusal of a claim")


# The impact pages: the explanation, the staff's rates (and a rate sent with a mistake), the
# adoption question and the dashboard that asks it, each seen by the person it is for.
def impact_pages_to_check() -> list[tuple[str, str]]:
    pages = []
    for template, expected in IMPACT_PAGES.items():
        allowed = [
            role for role, got in zip(IMPACT_ROLES, expected.split(), strict=True) if got == "ok"
        ]
        pages.append((template, "martine" if "martine" in allowed else allowed[0]))
    return [*pages, ("/impact/", "anonymous"), ("/", "lea")]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_impact_page_has_no_accessibility_violation(
    shipped_data, new_page, width, impact_world
):
    failures = {}
    pages = {}
    for template, role in impact_pages_to_check():
        if role not in pages:
            pages[role] = new_page(width, user=impact_world["users"][role])
        page = pages[role]
        url = template.format(**impact_world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    # A rate sent with a mistake: the form again, with its error.
    page = new_page(width, user=impact_world["users"]["staff"])
    page.goto("/impact/rates/")
    page.locator("input[name$='-rate']").first.fill("-5")
    page.locator("main form button[type=submit]").first.click()
    assert page.locator("main .field-error").count() == 1
    violations = axe_violations(page)
    if violations:
        failures["the rates page with an error"] = {"axe": violations}
    assert failures == {}


# The companies' pages: each seen by the first person of the walk who may see it (the files
# aside), the employees' own pages, the apply form offering the programme, the association's
# list reading « soutenue par », and the programme form with its errors.
COMPANY_VIEWERS = ["sandrine", "yacine", "julie", "thomas", "lea", "anonymous"]


def company_pages_to_check() -> list[tuple[str, str]]:
    from .test_permission_walk import COMPANY_PAGES, COMPANY_ROLES

    pages = []
    for template, expected in COMPANY_PAGES.items():
        allowed = {
            role for role, got in zip(COMPANY_ROLES, expected.split(), strict=True) if got == "ok"
        }
        viewer = next((role for role in COMPANY_VIEWERS if role in allowed), None)
        if viewer and not template.endswith((".pdf", ".csv")):
            pages.append((template, viewer))
    pages += [
        ("/companies/", "julie"),
        ("/companies/", "thomas"),
        ("/companies/join/{invite_token}/", "anonymous"),
        ("/companies/recurring/{recurring}/", "julie"),
        ("/missions/{mission}/apply/", "thomas"),
        ("/missions/{talent_mission}/applications/", "yacine"),
        ("/organizations/{company}/", "sandrine"),
        ("/", "sandrine"),
    ]
    return pages


@pytest.mark.parametrize("width", WIDTHS)
def test_every_company_page_has_no_accessibility_violation(
    shipped_data, new_page, width, company_world
):
    failures = {}
    pages = {}
    for template, role in company_pages_to_check():
        if role not in pages:
            pages[role] = new_page(width, user=company_world["users"][role])
        page = pages[role]
        url = template.format(**company_world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    # The programme form, sent without a format: its errors too.
    page = pages["sandrine"]
    page.goto("/companies/{company}/programmes/new/".format(**company_world))
    page.get_by_label("Heures de travail par salarié·e et par an").fill("21")
    page.get_by_label("Missions ponctuelles (un logo, un site, un atelier…)").uncheck()
    page.get_by_role("button", name="Ouvrir le programme").click()
    expect(page.locator("main")).to_contain_text("Cochez au moins une forme")
    violations = axe_violations(page)
    if violations:
        failures["the programme form with errors"] = {"axe": violations}
    assert failures == {}


# The territory's dashboard: each page of the walk that is not a download, seen by the first
# agent who may see it, with figures to draw (missions in every state, three diagnoses), the
# period form with its error, and an agent's home with its way in.
@pytest.mark.parametrize("width", WIDTHS)
def test_every_territory_dashboard_page_has_no_accessibility_violation(
    shipped_data, new_page, width, territory_world
):
    from diagnosis.models import Axis, Diagnosis
    from missions.tests.factories import MissionFactory
    from organizations.tests.factories import AssociationFactory

    from .test_permission_walk import DASHBOARD_PAGES, DASHBOARD_ROLES

    axes = list(Axis.objects.values_list("slug", flat=True))
    for index, status in enumerate(["open", "in_progress", "completed", "cancelled"]):
        neighbour = AssociationFactory(
            name=f"Association du Rhône n°{index}",
            commune_id="69123",
            departement_code="69",
            region_code="84",
            verified=True,
        )
        MissionFactory(organization=neighbour, status=status)
        Diagnosis.objects.create(
            organization=neighbour,
            completed_at=neighbour.created_at,
            scores=dict.fromkeys(axes, 20 * index + 10),
            overall=20 * index + 10,
        )
    checked = []
    for template, expected in DASHBOARD_PAGES.items():
        allowed = [
            role
            for role, got in zip(DASHBOARD_ROLES, expected.split(), strict=True)
            if got == "ok" and role != "staff"
        ]
        if allowed and not template.split("?")[0].endswith((".csv", ".pdf")):
            checked.append((template, allowed[0]))
    checked += [
        ("/territories/{rhone}/dashboard/?period=custom&start=2026-05-01&end=2026-04-01", "claire"),
        ("/", "marc"),
    ]
    failures = {}
    pages = {}
    for template, role in checked:
        if role not in pages:
            pages[role] = new_page(width, user=territory_world["users"][role])
        page = pages[role]
        url = template.format(**territory_world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


# Quick help: each page as the person it is for (the walk's QUICKHELP_PAGES), the ask form
# with its errors then with the topic suggested, a search with results, the review of a
# public answer, and the offline page of the phone app.
QUICKHELP_SWEEP = [
    ("/coup-de-main/", "anonymous"),
    ("/coup-de-main/?q=trier", "anonymous"),
    ("/coup-de-main/?sujet=data-office", "anonymous"),
    ("/coup-de-main/reponses/{qh_published_slug}/", "anonymous"),
    ("/coup-de-main/demander/", "martine"),
    ("/coup-de-main/mes-questions/", "martine"),
    ("/coup-de-main/mes-questions/", "nina"),
    ("/coup-de-main/questions/{qh_question}/", "martine"),
    ("/coup-de-main/questions/{qh_open}/", "martine"),
    ("/coup-de-main/questions/{qh_open}/", "nina"),
    ("/coup-de-main/questions/{qh_call}/", "nina"),
    ("/coup-de-main/questions/{qh_call}/", "martine"),
    ("/coup-de-main/publications/{qh_draft}/", "nina"),
    ("/coup-de-main/publications/{qh_draft}/", "staff"),
    ("/coup-de-main/relecture/", "staff"),
    ("/hors-ligne/", "anonymous"),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_quickhelp_page_has_no_accessibility_violation(
    shipped_data, new_page, width, quickhelp_world
):
    from quickhelp.models import PublicAnswer

    world = quickhelp_world
    # The draft waits for the moderator: her review form shows.
    PublicAnswer.objects.filter(pk=world["qh_draft"]).update(status="submitted")
    failures = {}
    pages = {}

    def check(page, label):
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[label] = {"axe": violations, "overflow": overflow}

    for template, role in QUICKHELP_SWEEP:
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        check(page, f"{url} as {role}")
    # Each form posts and loads a new page: axe reads it only once that page has loaded
    # (under load, a check right after the click would read the page half-way).
    from playwright.sync_api import expect

    martine = pages["martine"]
    martine.goto("/coup-de-main/demander/")
    martine.get_by_role("button", name="Continuer").click()
    expect(martine.get_by_text("Le formulaire contient une erreur")).to_be_visible()
    martine.wait_for_load_state()
    check(martine, "the ask form with its errors")
    martine.get_by_label("Votre question en une phrase").fill("Un total dans notre tableur ?")
    martine.get_by_label("Quelques lignes pour expliquer").fill("Les cotisations du mois.")
    martine.get_by_role("button", name="Continuer").click()
    expect(martine.get_by_text("nous avons choisi le sujet")).to_be_visible()
    martine.wait_for_load_state()
    check(martine, "the ask form with the topic suggested")
    assert failures == {}


# The legal and trust pages, as a visitor and as a person logged in (with her dashboard's
# footer), in French and in English; and the page that asks to accept the new terms.
LEGAL_PAGES = [
    ("/legal/", "anonymous"),
    ("/legal/privacy/", "anonymous"),
    ("/legal/terms/", "anonymous"),
    ("/legal/accessibility/", "anonymous"),
    ("/legal/privacy/", "lea"),
    ("/account/terms/", "lea"),
    ("/legal/retention/", "anonymous"),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_legal_pages_have_no_accessibility_violation(
    shipped_data, new_page, width, language, world
):
    lea = world["users"]["lea"]
    lea.terms_version = "2000-01-01"  # she accepted older terms: she is asked again
    lea.save(update_fields=["terms_version"])
    failures = {}
    pages = {}
    for template, role in LEGAL_PAGES:
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role], language=language)
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        page.locator("details").evaluate_all("nodes => nodes.forEach(n => n.open = true)")
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


def swept_pages() -> list[str]:
    """Every address this sweep opens (placeholders as « … »), for the accessibility
    statement (home/accessibility_pages.json, checked by home/tests/test_legal.py)."""
    import re

    from .test_permission_walk import DASHBOARD_PAGES

    templates = [template for template, _role in pages_to_check()]
    templates += [template for template, _role in school_pages_to_check()]
    templates += [template for template, _role in challenge_pages_to_check()]
    templates += [template for template, _role in CLASS_VIEWS]
    templates += [template for template, _role in teaching_pages_to_check()]
    templates += [template for template, _role in territory_pages_to_check()]
    templates += [template for template, _role in PACK_SWEEP]
    templates += [template for template, _role in impact_pages_to_check()]
    templates += [template for template, _role in company_pages_to_check()]
    templates += [
        template
        for template in DASHBOARD_PAGES
        if not template.split("?")[0].endswith((".csv", ".pdf"))
    ]
    templates += [template for template, _role in LEGAL_PAGES]
    return sorted({re.sub(r"\{[^}]*\}", "…", template.split("?")[0]) for template in templates})


# Open interfaces (issue 19): the widget an association frames on its site, the open data
# page, and the account page with the calendar's section.
OPEN_SWEEP = [
    ("/associations/{org}/widget/", "anonymous"),
    ("/donnees-ouvertes/", "anonymous"),
    ("/account/", "lea"),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_open_interface_pages_have_no_accessibility_violation(
    shipped_data, new_page, width, world
):
    failures = {}
    pages = {}
    for template, role in OPEN_SWEEP:
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}


# Quick help's attestations (issue 18): the verification page of a coup de main's signed
# attestation, the helper's list of attestations and her book that links to it.
QUICKHELP_ATTESTATION_SWEEP = [
    ("/verify/{qh_credential}/", "anonymous"),
    ("/credentials/mine/", "nina"),
    ("/book/nina-roux/", "anonymous"),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_quickhelp_attestation_pages_have_no_accessibility_violation(
    shipped_data, new_page, width, quickhelp_world
):
    from portfolio.models import Portfolio
    from quickhelp.attestations import attest_due
    from quickhelp.models import Credit

    attest_due()  # the solved questions' attestations (the commit's task, in the background)
    nina = quickhelp_world["users"]["nina"]
    Portfolio.objects.create(user=nina, slug="nina-roux", is_public=True)
    credit = Credit.objects.filter(helper=nina, credential__isnull=False).first()
    world = {**quickhelp_world, "qh_credential": credit.credential.public_id}
    failures = {}
    pages = {}
    for template, role in QUICKHELP_ATTESTATION_SWEEP:
        if role not in pages:
            pages[role] = new_page(width, user=world["users"][role])
        page = pages[role]
        url = template.format(**world)
        response = page.goto(url)
        assert response.ok, f"{url} as {role}: {response.status}"
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if violations or overflow > 0:
            failures[f"{url} as {role}"] = {"axe": violations, "overflow": overflow}
    assert failures == {}
