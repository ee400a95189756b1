"""A teacher follows her cohort without JavaScript: from the header to the dashboard, she
validates one student's mission, asks another to improve hers, and downloads the CSV; the
student reads the verdict on her dashboard, on her phone."""

import csv
import io

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import UserFactory
from schools.tests.factories import CohortMembershipFactory

from .factories import completed_engagement

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_teacher_validates_one_mission_asks_to_improve_another_and_exports(
    new_page, shipped_data, sophie, cohort, ines, association
):
    completed_engagement(ines, association, title="Un logo pour la fête des jardins")
    hugo = UserFactory(full_name="Hugo Lambert", email="hugo@example.org", intent="volunteer")
    CohortMembershipFactory(cohort=cohort, student=hugo)
    completed_engagement(hugo, association, title="Une affiche pour la brocante")

    teacher = new_page("desktop", user=sophie)
    teacher.context.route("**/*.js", lambda route: route.abort())
    teacher.goto("/")
    teacher.get_by_role("link", name="Mes promotions", exact=True).first.click()
    teacher.get_by_role("link", name="Master 1 Design graphique", exact=True).click()
    expect(teacher.get_by_role("heading", level=1)).to_contain_text("Tableau de bord")
    expect(teacher.get_by_role("img", name="Missions par état")).to_be_visible()

    teacher.get_by_role(
        "link",
        name="Valider ou demander d’améliorer : Inès Moreau, Un logo pour la fête des jardins",
    ).click()
    teacher.get_by_label("Validée").check()
    teacher.get_by_label("Commentaire pour l’élève").fill("Logo clair, bien présenté.")
    teacher.get_by_role("button", name="Enregistrer mon avis").click()
    expect(teacher.get_by_role("status")).to_contain_text("Votre avis est enregistré")

    teacher.get_by_role(
        "link", name="Valider ou demander d’améliorer : Hugo Lambert, Une affiche pour la brocante"
    ).click()
    teacher.get_by_label("À améliorer").check()
    teacher.get_by_role("button", name="Enregistrer mon avis").click()
    # No comment: she is asked for one, and her choice is kept.
    expect(teacher.get_by_text("Dites à l’élève ce qu’il faut améliorer")).to_be_visible()
    expect(teacher.get_by_label("À améliorer")).to_be_checked()
    teacher.get_by_label("Commentaire pour l’élève").fill("Ajoutez les dates de la brocante.")
    teacher.get_by_role("button", name="Enregistrer mon avis").click()
    expect(
        teacher.get_by_text("À améliorer : « Ajoutez les dates de la brocante. »")
    ).to_be_visible()

    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="Exporter en CSV (tableur)").click()
    content = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    verdicts = {row[0]: (row[10], row[11]) for row in rows[1:]}
    assert verdicts == {
        "Hugo Lambert": ("à améliorer", "Ajoutez les dates de la brocante."),
        "Inès Moreau": ("validée", "Logo clair, bien présenté."),
    }

    student = new_page("mobile", user=ines)
    student.goto("/")
    expect(student.get_by_text("Logo clair, bien présenté.")).to_be_visible()
