"""The territory's dashboard: the figures of a period, a chart beside each table, a CSV per
table, the PDF; aggregates only, for the authority's agents; the same queries whatever the
data's size."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from diagnosis.models import Axis, Diagnosis
from engagements.models import Application
from engagements.tests.factories import ApplicationFactory
from missions.models import Status
from missions.tests.factories import MissionFactory
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory, MembershipFactory
from taxonomy.models import Cause
from territories.dashboard import MIN_ASSOCIATIONS
from territories.report import report_document

from .factories import AuthorityFactory

pytestmark = pytest.mark.django_db

SECRET_NAME = "Bérénice Introuvable"
SECRET_EMAIL = "berenice.introuvable@example.org"


def at(year: int, month: int, day: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


def association(name: str, *, commune: str = "69259", kind: str = "citizen", causes=(), when=None):
    found = AssociationFactory(
        name=name,
        commune_id=commune,
        departement_code="69",
        region_code="84",
        association_type=kind,
        verified=True,
    )
    found.causes.set(Cause.objects.filter(slug__in=causes))
    if when is not None:
        Organization.objects.filter(pk=found.pk).update(created_at=when)
    return found


def mission(organization, status: str, *, created, published=True, **kwargs):
    found = MissionFactory(organization=organization, status=status, **kwargs)
    found.created_at = created
    found.published_at = created + datetime.timedelta(days=1) if published else None
    found.save(update_fields=["created_at", "published_at"])
    return found


def diagnosis(organization, when, score: int):
    axes = list(Axis.objects.values_list("slug", flat=True))
    return Diagnosis.objects.create(
        organization=organization,
        completed_at=when,
        scores=dict.fromkeys(axes, score),
        overall=score,
    )


def page(client, authority, **params):
    return client.get(reverse("territories:dashboard", args=[authority.slug]), params)


def csv_rows(client, authority, key: str, **params) -> list[list[str]]:
    response = client.get(reverse("territories:dashboard_csv", args=[authority.slug, key]), params)
    assert response.status_code == 200, key
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def pdf_text(board, authority) -> str:
    from weasyprint.formatting_structure.boxes import TextBox

    words = []

    def walk(box):
        if isinstance(box, TextBox):
            words.append(box.text)
        for child in getattr(box, "children", ()):
            walk(child)

    for laid in report_document(board, authority).pages:
        walk(laid._page_box)
    return " ".join(" ".join(words).split())


@pytest.fixture
def rhone_2026(scene):
    """A year of the Rhône: three associations of Vénissieux and Lyon (one arrived in 2025),
    missions in every state, a volunteer's applications, diagnoses; and a Parisian
    association that is not counted."""
    volunteer = UserFactory(full_name=SECRET_NAME, email=SECRET_EMAIL)
    judo = association("Judo de Vénissieux", causes=["sport", "education-youth"], when=at(2026, 2))
    choir = association(
        "Chorale de Lyon",
        commune="69123",
        kind="professional",
        causes=["culture"],
        when=at(2025, 6),
    )
    cafe = association("Café associatif", causes=["social"], when=at(2026, 3))
    paris = AssociationFactory(name="Club de Paris", verified=True)
    MembershipFactory(organization=judo, user=UserFactory(full_name="Odile Présidente"))

    answered = mission(judo, Status.OPEN, created=at(2026, 3))
    ApplicationFactory(mission=answered, volunteer=volunteer, message="Je m’appelle Bérénice")
    done = mission(judo, Status.COMPLETED, created=at(2026, 3))
    ApplicationFactory(mission=done, volunteer=volunteer, status=Application.Status.ACCEPTED)
    invited = mission(choir, Status.OPEN, created=at(2026, 4))
    ApplicationFactory(
        mission=invited,
        volunteer=volunteer,
        status=Application.Status.INVITED,
        invited_by=UserFactory(),
    )
    mission(choir, Status.SUBMITTED, created=at(2026, 4), published=False)
    mission(cafe, Status.CANCELLED, created=at(2026, 4))
    mission(cafe, Status.DRAFT, created=at(2026, 4), published=False)
    mission(paris, Status.COMPLETED, created=at(2026, 3))
    mission(judo, Status.COMPLETED, created=at(2025, 11))  # last year

    for organization, score in ((judo, 40), (choir, 60), (cafe, 71)):
        diagnosis(organization, at(2026, 5), score)
    for organization, score in ((judo, 30), (choir, 50), (cafe, 55)):
        diagnosis(organization, at(2025, 5), score)
    diagnosis(paris, at(2026, 5), 100)
    return {"judo": judo, "choir": choir, "cafe": cafe, "volunteer": volunteer}


def test_an_agent_sees_her_territorys_figures_for_the_year(client, scene, rhone_2026):
    client.force_login(scene["users"]["marc"])  # an agent, not the admin

    response = page(client, scene["rhone"], period="year", year="2026")

    assert response.status_code == 200
    text = response.text
    assert "Période : année 2026" in text
    board = response.context["board"]
    by_kind = board.table("associations_by_kind").rows
    # The scene's garden of Vénissieux (pending, created now) counts too.
    assert by_kind[0][1:] == [3, 3] and by_kind[1][1:] == [0, 1] and by_kind[2][1:] == [0, 0]
    causes = {row[0]: row[1:] for row in board.table("associations_by_cause").rows}
    assert causes["Sport"] == [1, 1] and causes["Culture"] == [0, 1]
    assert causes["Environnement"] == [0, 0]
    months = {row[0]: row[1:] for row in board.table("missions_by_month").rows}
    assert len(months) == 12
    # Submitted, open, under way, completed, cancelled or expired; then the total.
    assert months["Mars 2026"] == [0, 1, 0, 1, 0, 2]
    assert months["Avril 2026"] == [1, 1, 0, 0, 1, 3]
    rates = board.table("rates").rows
    # Published in 2026: the open one (applied), the completed (accepted), the invited one
    # (not answered), the cancelled one.
    assert rates[0][1:] == [4, 2, 50]
    assert rates[1][1:] == [4, 1, 25]
    diagnoses = {row[0]: row[1:] for row in board.table("diagnoses").rows}
    assert diagnoses["Moyenne des six domaines"] == [57, 45, 12]
    communes = board.table("communes").rows
    assert communes[0] == ["Vénissieux", "69259", 3, 3, 1]
    assert communes[1] == ["Lyon", "69123", 1, 1, 0]
    assert "Club de Paris" not in text


def test_each_chart_is_an_svg_picture_with_its_numbers_in_a_table(client, scene, rhone_2026):
    client.force_login(scene["users"]["claire"])

    text = page(client, scene["rhone"], period="year", year="2026").text

    # Hours and value has no chart without any hour; the packs' table has none.
    assert text.count('role="img"') == 5
    assert '<title id="missions_by_month-chart-title">' in text
    assert '<title id="adoption-chart-title">' in text
    assert text.count("<table") == 9
    assert "Missions par mois, selon leur état aujourd’hui : les chiffres du graphique" in text
    assert '<th scope="row">Mars 2026</th>' in text
    assert "<script" not in text.split("<main", 1)[-1].split("</main>")[0]
    for key in ("associations_by_kind", "diagnoses", "communes"):
        assert reverse("territories:dashboard_csv", args=[scene["rhone"].slug, key]) in text
    assert reverse("territories:dashboard_pdf", args=[scene["rhone"].slug]) in text


def test_averages_of_fewer_than_three_associations_stay_hidden(client, scene, rhone_2026):
    Diagnosis.objects.filter(organization=rhone_2026["cafe"]).delete()
    client.force_login(scene["users"]["claire"])

    board = page(client, scene["rhone"], period="year", year="2026").context["board"]

    table = board.table("diagnoses")
    assert MIN_ASSOCIATIONS == 3
    assert all(row[1] is None and row[3] is None for row in table.rows)
    assert "au moins 3 associations" in table.note
    assert board.highlights[1].value == "2"  # the number of diagnoses is not hidden


def test_a_month_a_quarter_or_two_dates_are_chosen_with_the_form(client, scene, rhone_2026):
    client.force_login(scene["users"]["claire"])
    rhone = scene["rhone"]

    march = page(client, rhone, period="month", year="2026", month="3").context["board"]
    assert march.period.label == "mars 2026"
    assert [row[0] for row in march.table("missions_by_month").rows] == ["Mars 2026"]
    second = page(client, rhone, period="quarter", year="2026", quarter="2").context["board"]
    assert [row[0] for row in second.table("missions_by_month").rows] == [
        "Avril 2026",
        "Mai 2026",
        "Juin 2026",
    ]
    assert second.table("rates").rows[0][1] == 2
    custom = page(client, rhone, period="custom", start="2025-11-01", end="2026-03-31")
    months = custom.context["board"].table("missions_by_month").rows
    assert len(months) == 5 and months[0][0] == "Novembre 2025"
    assert "Période : du 1 novembre 2025 au 31 mars 2026" in custom.text


def test_the_period_is_chosen_on_its_own_page_and_a_wrong_choice_is_said_there(client, scene):
    client.force_login(scene["users"]["claire"])
    rhone = scene["rhone"]
    dashboard = reverse("territories:dashboard", args=[rhone.slug])
    chooser = reverse("territories:dashboard_period", args=[rhone.slug])
    assert chooser in page(client, rhone).text

    form = client.get(chooser, {"period": "month", "year": "2026", "month": "3"}).text
    assert f'action="{dashboard}"' in form and 'method="get"' in form
    assert '<option value="3" selected>Mars</option>' in form
    response = page(client, rhone, period="custom", start="2026-05-01", end="2026-04-01")

    assert "Le dernier jour vient avant le premier : inversez-les." in response.text
    assert 'value="2026-05-01"' in response.text  # what was typed stays
    assert "board" not in response.context


def test_every_table_downloads_as_a_csv_for_french_spreadsheets(client, scene, rhone_2026):
    rhone_2026["cafe"].causes.clear()
    Organization.objects.filter(pk=rhone_2026["cafe"].pk).update(commune_id="69290")
    client.force_login(scene["users"]["claire"])

    rows = csv_rows(client, scene["rhone"], "communes", period="year", year="2026")

    assert rows[0] == [
        "Commune",
        "Code INSEE",
        "Associations",
        "Missions publiées",
        "Dont terminées",
    ]
    assert ["Vénissieux", "69259", "2", "2", "1"] in rows
    assert ["Saint-Priest", "69290", "1", "1", "0"] in rows
    diagnoses = csv_rows(client, scene["rhone"], "diagnoses", period="year", year="2026")
    assert diagnoses[-1] == ["Moyenne des six domaines", "57", "45", "+12"]
    response = client.get(
        reverse("territories:dashboard_csv", args=[scene["rhone"].slug, "rates"]),
        {"period": "month", "year": "2026", "month": "4"},
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="{scene["rhone"].slug}-rates-2026-04.csv"'
    )
    unknown = reverse("territories:dashboard_csv", args=[scene["rhone"].slug, "nothing"])
    assert client.get(unknown).status_code == 404


def test_a_formula_looking_name_stays_text_in_the_csv(client, scene):
    # Staff name the causes; an association may have no commune yet.
    Cause.objects.filter(slug="sport").update(name_fr="=SOMME(A1:A9)")
    association("Sans commune", commune=None, causes=["sport"])
    client.force_login(scene["users"]["claire"])

    causes = csv_rows(client, scene["rhone"], "associations_by_cause")
    communes = csv_rows(client, scene["rhone"], "communes")

    assert ["'=SOMME(A1:A9)", "1", "1"] in causes
    assert ["Commune non précisée", "", "1", "0", "0"] in communes


def test_the_report_downloads_as_a_pdf_with_every_table(client, scene, rhone_2026):
    client.force_login(scene["users"]["claire"])
    response = client.get(
        reverse("territories:dashboard_pdf", args=[scene["rhone"].slug]),
        {"period": "year", "year": "2026"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        f'attachment; filename="tableau-de-bord-{scene["rhone"].slug}-2026.pdf"'
    )


def test_no_person_is_named_in_the_page_the_csv_or_the_pdf(client, scene, rhone_2026):
    from territories.dashboard import FIGURES, board_for
    from territories.period import Period

    client.force_login(scene["users"]["claire"])
    said = [page(client, scene["rhone"], period="year", year="2026").text]
    for figure in FIGURES:
        said.append(
            "\n".join(
                ";".join(row)
                for row in csv_rows(client, scene["rhone"], figure.key, period="year", year="2026")
            )
        )
    said.append(pdf_text(board_for(scene["rhone"].territory, Period.year(2026)), scene["rhone"]))
    people = [SECRET_NAME, SECRET_EMAIL, "Bérénice", "Odile Présidente", "Odette Trésorière"]
    for text in said:
        for person in people:
            assert person not in text
    assert "Vénissieux" in said[-1] and "Taux de réponse" in said[-1]


def _grow(count: int, start: int) -> None:
    """`count` associations of the Rhône, each with missions in four states, applications,
    and a diagnosis."""
    volunteers = [UserFactory() for _ in range(3)]
    communes = ["69259", "69123", "69290", "69266"]
    for index in range(start, start + count):
        found = association(
            f"Association {index}", commune=communes[index % 4], causes=["sport", "culture"]
        )
        for status in (Status.OPEN, Status.COMPLETED, Status.IN_PROGRESS, Status.EXPIRED):
            made = mission(found, status, created=at(2026, 1 + index % 12))
            ApplicationFactory(mission=made, volunteer=volunteers[index % 3])
        diagnosis(found, at(2026, 1 + index % 12), 50)


def test_the_dashboard_costs_the_same_queries_for_3_associations_as_for_40(
    client, scene, django_assert_num_queries
):
    client.force_login(scene["users"]["claire"])
    _grow(3, 0)
    page(client, scene["rhone"])  # the session and the caches, warmed once
    cache.clear()  # the figures computed anew each time
    with CaptureQueriesContext(connection) as small:
        assert page(client, scene["rhone"]).status_code == 200
    csv_url = reverse("territories:dashboard_csv", args=[scene["rhone"].slug, "communes"])
    pdf_url = reverse("territories:dashboard_pdf", args=[scene["rhone"].slug])
    with CaptureQueriesContext(connection) as small_csv:
        client.get(csv_url)
    cache.clear()
    with CaptureQueriesContext(connection) as small_pdf:
        client.get(pdf_url)

    _grow(37, 3)

    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        response = page(client, scene["rhone"])
    assert response.context["board"].table("associations_by_kind").rows[0][2] == 41
    with django_assert_num_queries(len(small_csv.captured_queries)):
        client.get(csv_url)
    cache.clear()
    with django_assert_num_queries(len(small_pdf.captured_queries)):
        client.get(pdf_url)


def test_the_figures_are_kept_ten_minutes_and_say_when_they_were_computed(
    client, scene, rhone_2026
):
    client.force_login(scene["users"]["marc"])
    first = page(client, scene["rhone"], period="year", year="2026")
    with CaptureQueriesContext(connection) as again:
        second = page(client, scene["rhone"], period="year", year="2026")

    assert second.context["board"].tables == first.context["board"].tables
    said = " ".join(query["sql"] for query in again.captured_queries)
    assert "diagnosis_diagnosis" not in said and "taxonomy_cause" not in said
    computed = timezone.localtime(first.context["board"].computed_at)
    assert f"Chiffres calculés le {computed:%-d} " in second.text
    # Another period, or the agent's colleague reading English, is computed for itself.
    march = page(client, scene["rhone"], period="month", year="2026", month="3")
    assert march.context["board"].table("rates").rows[0][1] == 2


def test_the_tables_and_charts_are_rendered_once_while_the_figures_are_kept(
    client, scene, rhone_2026
):
    from territories.dashboard import forget_board
    from territories.period import Period

    client.force_login(scene["users"]["claire"])
    board_template = "territories/_dashboard_board.html"
    first = page(client, scene["rhone"], period="year", year="2026")
    assert board_template in [template.name for template in first.templates]
    with CaptureQueriesContext(connection) as again:
        second = page(client, scene["rhone"], period="year", year="2026")

    # The same page, its tables and charts read from the cache as HTML: none rendered.
    def figures(response) -> str:
        return response.text.split('aria-labelledby="dash-highlights-title"')[1].split("</main>")[0]

    assert figures(second) == figures(first)
    assert figures(first).count('role="img"') == 5
    assert board_template not in [template.name for template in second.templates]
    assert "territories/_dashboard_table.html" not in [t.name for t in second.templates]
    said = " ".join(query["sql"] for query in again.captured_queries)
    assert "impact_adoptioncheck" not in said and "territories_pack" not in said
    # The figures themselves stay at hand, for the CSV, the PDF and whoever reads them.
    assert second.context["board"].tables == first.context["board"].tables
    # Forgotten (as after ten minutes), both are made again.
    forget_board(scene["rhone"].territory.pk, Period.year(2026))
    third = page(client, scene["rhone"], period="year", year="2026")
    assert board_template in [template.name for template in third.templates]


def test_without_a_declared_territory_the_page_says_what_to_do(client):
    claire = UserFactory()
    authority = AuthorityFactory(verified=True)
    MembershipFactory(organization=authority, user=claire, role="admin")
    client.force_login(claire)

    response = page(client, authority)

    assert response.status_code == 200
    assert "Déclarez d’abord votre territoire" in response.text
    pdf = reverse("territories:dashboard_pdf", args=[authority.slug])
    assert client.get(pdf).status_code == 404


def test_an_authority_not_yet_verified_sees_no_figure(client, scene):
    Organization.objects.filter(pk=scene["rhone"].pk).update(verification="pending")
    client.force_login(scene["users"]["claire"])

    response = page(client, scene["rhone"])

    assert "Votre collectivité n’est pas encore vérifiée" in response.text
    assert response.context["board"] is None
    csv_url = reverse("territories:dashboard_csv", args=[scene["rhone"].slug, "communes"])
    assert client.get(csv_url).status_code == 404


def test_agents_find_the_dashboard_from_their_home_and_the_authoritys_page(client, scene):
    client.force_login(scene["users"]["marc"])
    url = reverse("territories:dashboard", args=[scene["rhone"].slug])

    assert url in client.get(reverse("core:home")).text
    assert url in client.get(scene["rhone"].get_absolute_url()).text
    assert url in client.get(reverse("territories:territory", args=[scene["rhone"].slug])).text


def test_an_authority_without_a_pack_is_told_so_in_the_packs_table(client, scene):
    client.force_login(scene["users"]["claire"])

    response = page(client, scene["rhone"])

    table = response.context["board"].table("packs")
    assert table.rows == []
    assert "Vous n’avez proposé aucun pack numérique pendant cette période." in response.text
