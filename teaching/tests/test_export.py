"""The dashboard as a CSV file for French spreadsheets: BOM, `;`, one row per student and
engagement."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from completion.tests.factories import DeliverableLinkFactory, ReviewFactory
from engagements.tests.factories import ApplicationFactory
from schools.tests.factories import CohortMembershipFactory
from teaching.services import validation_give

from .factories import class_project

pytestmark = pytest.mark.django_db


def test_the_csv_has_one_row_per_student_and_engagement(
    client, sophie, cohort, ines, ines_logo, association, martine
):
    DeliverableLinkFactory(completion=ines_logo.completion)
    DeliverableLinkFactory(completion=ines_logo.completion)
    ReviewFactory(
        application=ines_logo,
        author=martine,
        quality=5,
        communication=4,
        deadlines=4,
        published_at=timezone.now(),
    )
    validation_give(
        application=ines_logo,
        cohort=cohort,
        by=sophie,
        verdict="validated",
        comment="Très bien ; net.",
    )
    ApplicationFactory(
        volunteer=ines, mission__organization=association, mission__title='=HYPERLINK("x")'
    )
    CohortMembershipFactory(cohort=cohort, student=UserFactory(full_name="Hugo Lambert"))
    client.force_login(sophie)

    response = client.get(reverse("teaching:export", args=[cohort.pk]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="master-1-design')
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, *lines = rows
    assert header[:4] == ["Élève", "Mission", "Association", "État"]
    assert len(lines) == 3
    hugo, logo, pending = lines  # by name, then by date of application
    assert hugo[0] == "Hugo Lambert" and all(cell == "" for cell in hugo[1:])
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert logo == [
        "Inès Moreau",
        "Un logo pour la fête des jardins",
        "Les Jardins Partagés de Belleville",
        "terminée",
        "14",
        today,
        today,
        today,
        "2",
        "4,3",
        "validée",
        "Très bien ; net.",
        "",
        "",  # not a class project
        "",
    ]
    # A title that a spreadsheet would run as a formula stays text.
    assert pending[1] == '\'=HYPERLINK("x")'
    assert pending[3] == "candidature envoyée"


def test_a_late_engagement_says_so_in_the_csv(client, sophie, cohort, ines, association):
    from completion.tests.factories import engagement
    from engagements.tests.factories import MissionFactory

    engagement(
        mission=MissionFactory(
            organization=association,
            status="in_progress",
            end_date=timezone.localdate() - datetime.timedelta(days=2),
        ),
        volunteer=ines,
    )
    client.force_login(sophie)

    text = client.get(reverse("teaching:export", args=[cohort.pk])).content.decode("utf-8-sig")

    assert "date de fin passée : travail pas encore remis" in text


def test_the_csv_names_the_class_project_and_the_role(client, sophie, cohort, ines, ines_logo):
    class_project(cohort, ines_logo, name="Identité des jardins", role="typographie")
    client.force_login(sophie)
    response = client.get(reverse("teaching:export", args=[cohort.pk]))
    header, line = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    cells = dict(zip(header, line, strict=True))
    assert (cells["Projet de classe"], cells["Rôle"]) == ("Identité des jardins", "typographie")
