"""A teacher creates a cohort; a student new to the site joins it with the code, on her
phone and without JavaScript, and finds her school on her profile."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from conftest import axe_violations
from schools.models import Cohort

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_teacher_creates_a_cohort_and_a_new_student_joins_it_by_the_code(
    new_page, shipped_data, sophie, school, last_link
):
    teacher = new_page("desktop", user=sophie)
    teacher.goto("/schools/")
    teacher.get_by_role("link", name="Créer une promotion à École de design de Nantes").click()
    teacher.get_by_label("Nom de la promotion").fill("Master 1 Design graphique")
    teacher.get_by_label("Formation").fill("Design graphique")
    teacher.get_by_label("Bac +4 (master 1)").check()
    expect(teacher.get_by_label("Sophie Bernard")).to_be_checked()
    assert axe_violations(teacher) == []
    teacher.get_by_role("button", name="Créer la promotion").click()

    expect(teacher.get_by_role("heading", level=1)).to_have_text("Master 1 Design graphique")
    cohort = Cohort.objects.get()
    expect(teacher.locator(".sch-code")).to_have_text(cohort.code)
    expect(teacher.locator(".sch-qr svg")).to_be_visible()
    assert axe_violations(teacher) == []

    student = new_page("mobile")
    student.context.route("**/*.js", lambda route: route.abort())  # no JavaScript at all
    student.goto("/schools/join/")
    student.get_by_label("Code de la promotion").fill(cohort.code.lower())
    student.get_by_role("button", name="Continuer").click()
    expect(student.get_by_role("heading", level=1)).to_have_text(
        "Rejoindre la promotion « Master 1 Design graphique »"
    )
    student.get_by_role("link", name="Créer mon compte").click()
    student.get_by_label("Prénom et nom").fill("Nora Petit")
    student.get_by_label("Adresse e-mail").fill("nora@example.org")
    student.get_by_label("Mot de passe").fill("un carnet de croquis")
    student.get_by_role("button", name="Créer mon compte").click()
    expect(student.get_by_role("heading", level=1)).to_contain_text("ouvrez l’e-mail")

    # The link in the e-mail brings her back to her cohort, logged in.
    student.goto(last_link("nora@example.org"))
    expect(student.get_by_role("heading", level=1)).to_have_text(
        "Rejoindre la promotion « Master 1 Design graphique »"
    )
    assert axe_violations(student) == []
    student.get_by_role("button", name="Rejoindre la promotion").click()
    expect(student.get_by_role("status")).to_contain_text("Bienvenue dans la promotion")

    nora = User.objects.get(email="nora@example.org")
    student.goto(f"/volunteers/{nora.pk}/")
    expect(
        student.get_by_text("École de design de Nantes · Master 1 Design graphique")
    ).to_be_visible()
    assert axe_violations(student) == []

    teacher.reload()
    expect(teacher.get_by_role("cell", name="Nora Petit", exact=True)).to_be_visible()
