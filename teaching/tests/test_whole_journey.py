"""The whole teacher's journey, in Chromium, one browser per person: Sophie creates a cohort,
three students join it by its code (Nora, new to the site, signs up through the join link),
Sophie proposes them as a team for Martine's mission, the association takes the team, the
lead, the teacher and the association confirm the one agreement, each student hands her work
over, the association confirms the end, each student's credential verifies with an
independent verifier and names the class project and her role, Sophie validates two missions
and asks the third student to improve hers, the student reads it, and the CSV says it all.

Set up with factories: only what comes before the story (the verified school and Sophie,
Martine's association and its published mission)."""

import csv
import io

import pytest
from playwright.sync_api import expect

from accounts.models import User
from accounts.tests.factories import UserFactory
from credentials.models import Credential
from credentials.tests import conftest as credentials_tools
from credentials.tests.test_pdf import pdf_text
from engagements.models import Agreement, Application
from engagements.tests.factories import MissionFactory
from schools.models import ClassProject, Cohort

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

signing_key = credentials_tools.signing_key  # a fresh platform key, for the attestations
node_verify = credentials_tools.node_verify  # Digital Bazaar's verifier, run with node


def rate(page, question: str) -> None:
    page.get_by_role("group", name=question).get_by_label("5 sur 5 : excellent").check()


ROLES = {
    "Inès Moreau": "direction artistique",
    "Hugo Lefèvre": "typographie",
    "Nora Petit": "mise en page",
}


def test_from_a_new_cohort_to_validated_credentials_and_the_schools_csv(
    new_page,
    shipped_data,
    signing_key,
    node_verify,
    last_link,
    tmp_path,
    sophie,
    association,
    martine,
):
    mission = MissionFactory(
        organization=association, title="Identité visuelle des jardins", team_size=3
    )
    ines = UserFactory(full_name="Inès Moreau", email="ines@example.org", intent="volunteer")
    hugo = UserFactory(full_name="Hugo Lefèvre", email="hugo@example.org", intent="volunteer")

    # --- Sophie creates the cohort ------------------------------------------------------------
    teacher = new_page("desktop", user=sophie)
    teacher.context.route("**/*.js", lambda route: route.abort())
    teacher.goto("/schools/")
    teacher.get_by_role("link", name="Créer une promotion à École de design de Nantes").click()
    teacher.get_by_label("Nom de la promotion").fill("Master 1 Design graphique")
    teacher.get_by_label("Formation").fill("Design graphique")
    teacher.get_by_label("Bac +4 (master 1)").check()
    teacher.get_by_role("button", name="Créer la promotion").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Master 1 Design graphique")
    code = Cohort.objects.get().code
    expect(teacher.locator(".sch-code")).to_have_text(code)

    # --- Inès and Hugo, who have an account, join by the code, on their phones -----------------
    students = {}
    for user in (ines, hugo):
        page = new_page("mobile", user=user)
        page.context.route("**/*.js", lambda route: route.abort())
        page.goto("/schools/join/")
        page.get_by_label("Code de la promotion").fill(code)
        page.get_by_role("button", name="Continuer").click()
        page.get_by_role("button", name="Rejoindre la promotion").click()
        expect(page.get_by_role("status")).to_contain_text("Bienvenue dans la promotion")
        students[user.full_name] = page

    # --- Nora, new to the site, signs up through the join link and lands back in the cohort ----
    nora_page = new_page("mobile")
    nora_page.context.route("**/*.js", lambda route: route.abort())
    nora_page.goto(f"/schools/join/{code}/")
    nora_page.get_by_role("link", name="Créer mon compte").click()
    nora_page.get_by_label("Prénom et nom").fill("Nora Petit")
    nora_page.get_by_label("Adresse e-mail").fill("nora@example.org")
    nora_page.get_by_label("Mot de passe").fill("un carnet de croquis")
    nora_page.get_by_role("button", name="Créer mon compte").click()
    nora_page.goto(last_link("nora@example.org"))
    expect(nora_page.get_by_role("heading", level=1)).to_have_text(
        "Rejoindre la promotion « Master 1 Design graphique »"
    )
    nora_page.get_by_role("button", name="Rejoindre la promotion").click()
    expect(nora_page.get_by_role("status")).to_contain_text("Bienvenue dans la promotion")
    nora = User.objects.get(email="nora@example.org")
    students["Nora Petit"] = nora_page
    people = {"Inès Moreau": ines, "Hugo Lefèvre": hugo, "Nora Petit": nora}

    teacher.reload()
    for name in ROLES:
        expect(teacher.get_by_role("cell", name=name, exact=True)).to_be_visible()

    # --- Sophie proposes the three as a team, Inès leading ---------------------------------
    teacher.goto(f"/missions/{mission.pk}/")
    teacher.get_by_role(
        "link", name="Proposer une équipe de ma classe : Master 1 Design graphique"
    ).click()
    teacher.get_by_label("Nom du projet").fill("Identité des jardins")
    for name, role in ROLES.items():
        row = teacher.get_by_role("group", name=name)
        row.get_by_label("Dans l’équipe").check()
        row.get_by_label("Rôle").fill(role)
    teacher.get_by_role("group", name="Inès Moreau").get_by_label("Élève responsable").check()
    teacher.get_by_role("button", name="Proposer l’équipe à l’association").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Identité des jardins")
    project = ClassProject.objects.get()
    project_url = project.get_absolute_url()

    # --- Martine accepts the team as a whole and confirms the agreement ------------------------
    member = new_page("desktop", user=martine)
    member.context.route("**/*.js", lambda route: route.abort())
    member.goto(project_url)
    expect(member.get_by_role("cell", name="typographie")).to_be_visible()
    member.get_by_role("button", name="Accepter l’équipe").click()
    expect(member.get_by_role("status")).to_be_visible()
    member.goto(project_url)
    member.get_by_role("link", name="Lire l’accord en entier").click()
    member.get_by_role("button", name="Je confirme cet accord").click()
    expect(member.get_by_role("status")).to_be_visible()

    # --- …then Inès, the lead, and Sophie, the teacher --------------------------------------
    for page in (students["Inès Moreau"], teacher):
        page.goto(project_url)
        page.get_by_role("button", name="Je confirme l’accord de l’équipe").click()
        expect(page.get_by_role("status")).to_be_visible()
    students["Hugo Lefèvre"].goto(project_url)
    expect(students["Hugo Lefèvre"].get_by_text("Enseignant·e : confirmé le")).to_be_visible()
    team_agreement = Agreement.objects.get(covered_by=None)
    assert team_agreement.is_confirmed
    assert all(a.is_confirmed for a in Agreement.objects.filter(covered_by=team_agreement))

    member.goto(f"/missions/{mission.pk}/")
    member.get_by_role("button", name="Démarrer la mission").click()
    expect(member.get_by_role("status")).to_be_visible()

    # --- Each student hands her work over; the association confirms the end -----------------
    applications = {
        name: Application.objects.get(mission=mission, volunteer=user)
        for name, user in people.items()
    }
    for name, page in students.items():
        application = applications[name]
        page.goto(f"/applications/{application.pk}/")
        page.get_by_role("link", name="Remettre mon travail").click()
        page.get_by_label("Vos liens").fill("https://jardins.example.org/identite")
        page.get_by_label("Heures passées sur la mission").fill("20")
        page.get_by_role("button", name="Remettre mon travail").click()
        expect(page.get_by_role("status")).to_contain_text("Votre travail est remis")
    for name in ROLES:
        member.goto(f"/applications/{applications[name].pk}/completion/")
        member.get_by_label("Heures reconnues").fill("18")
        member.get_by_role("button", name="Confirmer la fin de la mission").click()
        expect(member.get_by_role("heading", level=1)).to_contain_text("La recommandation d")
        # …and writes each student's reference; she gives hers: both are published, and the
        # attestation is issued at once.
        for question in ("La qualité du travail", "La communication", "Le respect des délais"):
            rate(member, question)
        member.get_by_label("Qu’a réalisé").fill(f"{ROLES[name].capitalize()} de notre identité.")
        member.get_by_label("Comment s’est passée la collaboration ?").fill("Très bien.")
        member.get_by_label("Recommanderiez-vous").fill("Oui, sans hésiter.")
        member.get_by_role("button", name="Envoyer la recommandation").click()
        expect(member.get_by_role("status")).to_contain_text("Votre avis est enregistré")
    for name, page in students.items():
        page.goto(f"/applications/{applications[name].pk}/review/")
        for question in ("La clarté du besoin", "La disponibilité", "Le respect"):
            rate(page, question)
        page.get_by_role("button", name="Envoyer mon avis").click()
        expect(page.get_by_role("status")).to_contain_text("Les deux avis sont écrits")
    project.refresh_from_db()
    assert project.is_completed

    # --- Each credential verifies, naming the class project and her role ---------------------
    for name, role in ROLES.items():
        page = students[name]
        page.goto("/credentials/mine/")
        page.get_by_role("link", name="Identité visuelle des jardins", exact=True).click()
        expect(page.get_by_text("Attestation valide")).to_be_visible()
        credential = Credential.objects.get(application=applications[name])
        result = node_verify(credential.document)
        assert result["verified"], result
        description = credential.document["description"]
        assert "projet de classe « Identité des jardins »" in description
        assert f"rôle « {role} »" in description

    # --- Sophie validates two and asks Nora to improve -----------------------------------------
    teacher.goto("/teaching/")
    teacher.get_by_role("link", name="Master 1 Design graphique", exact=True).click()
    expect(teacher.get_by_role("heading", level=1)).to_contain_text("Tableau de bord")
    for name, role in ROLES.items():
        student_card = teacher.get_by_role("article", name=name)
        expect(student_card.get_by_text(f"Identité des jardins · {role}")).to_be_visible()
    verdicts = {
        "Inès Moreau": ("Validée", "Une identité claire, bien menée."),
        "Hugo Lefèvre": ("Validée", "Typographie soignée."),
        "Nora Petit": ("À améliorer", "Ajoutez la grille de mise en page."),
    }
    for name, (verdict, comment) in verdicts.items():
        teacher.get_by_role(
            "link",
            name=f"Valider ou demander d’améliorer : {name}, Identité visuelle des jardins",
        ).click()
        teacher.get_by_label(verdict).check()
        teacher.get_by_label("Commentaire pour l’élève").fill(comment)
        teacher.get_by_role("button", name="Enregistrer mon avis").click()
        expect(teacher.get_by_role("status")).to_contain_text("Votre avis est enregistré")

    nora_page.goto("/")
    expect(nora_page.get_by_text("Ajoutez la grille de mise en page.")).to_be_visible()

    # The validation is printed on the attestation of a validated student only.
    for name, printed in (("Inès Moreau", True), ("Nora Petit", False)):
        page = students[name]
        page.goto("/credentials/mine/")
        link = page.get_by_role("link", name="Télécharger le PDF · Identité visuelle des jardins")
        response = page.request.get(link.get_attribute("href"))
        text = pdf_text(response.body(), tmp_path)
        words = " ".join(text.split())
        assert "Projet de classe Identité des jardins (École de design de Nantes)" in words
        assert f"Rôle dans l’équipe {ROLES[name]}" in words
        assert ("Validation pédagogique" in text) is printed

    # --- The CSV for the school's records ----------------------------------------------------
    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="Exporter en CSV (tableur)").click()
    content = download.value.path().read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert len(rows) == 3
    column = {title: index for index, title in enumerate(header)}
    got = {
        row[column["Élève"]]: (
            row[column["Mission"]],
            row[column["État"]],
            row[column["Heures"]],
            row[column["Validation"]],
            row[column["Commentaire de l’enseignant·e"]],
            row[column["Projet de classe"]],
            row[column["Rôle"]],
        )
        for row in rows
    }
    assert got == {
        "Hugo Lefèvre": (
            "Identité visuelle des jardins",
            "terminée",
            "18",
            "validée",
            "Typographie soignée.",
            "Identité des jardins",
            "typographie",
        ),
        "Inès Moreau": (
            "Identité visuelle des jardins",
            "terminée",
            "18",
            "validée",
            "Une identité claire, bien menée.",
            "Identité des jardins",
            "direction artistique",
        ),
        "Nora Petit": (
            "Identité visuelle des jardins",
            "terminée",
            "18",
            "à améliorer",
            "Ajoutez la grille de mise en page.",
            "Identité des jardins",
            "mise en page",
        ),
    }
