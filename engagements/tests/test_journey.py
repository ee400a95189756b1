"""The whole marketplace journey, in Chromium, as the people who live it.

Odile, treasurer of a small association, signs up, registers the association and describes a
need from a template; a moderator publishes it; Inès, a design student, signs up, fills in
her profile, finds the mission and offers her help; Odile accepts; both confirm the
agreement; they exchange a message; Odile starts the mission. Then the end: Inès hands
her work over, Odile confirms it with the hours, both write their review, Inès downloads
her attestation and publishes her book, which shows the mission to anyone. Every e-mail
that should go out along the way is found in the outbox, and its link is the one the
person follows.
"""

import pytest
from PIL import Image
from playwright.sync_api import expect

from engagements.models import Application
from engagements.tests.journeys import (
    assert_emailed,
    fill_in_profile,
    find_and_offer_help,
    post_first_mission,
    sign_up,
    subjects_to,
)
from missions.models import Mission, Status
from organizations.models import Organization

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ODILE = "odile.roux@orange.fr"
INES = "ines.garcia@etu.example.org"


def rate(page, question: str, mark: str) -> None:
    page.get_by_role("group", name=question).get_by_label(mark).check()


def test_an_association_and_a_student_go_from_sign_up_to_a_completed_mission(
    shipped_data, new_page, staff, last_link, settings, tmp_path
):
    from credentials.keys import generate_key_file

    generate_key_file(settings.CREDENTIALS_KEY_FILE)  # the platform's signing key

    # --- Odile signs up, registers her association and describes her need from a template -
    odile = new_page("mobile")
    post_first_mission(
        odile,
        last_link,
        name="Odile Roux",
        email=ODILE,
        association={
            "name": "Les Jardins du Thabor",
            "commune": "Rennes",
            "cause": "Environnement",
            "template": "Logo et couleurs de l’association",
        },
        need="Notre jardin partagé fête ses dix ans : il nous faut un logo simple et joyeux.",
    )
    association = Organization.objects.get(name="Les Jardins du Thabor")
    assert association.commune.name == "Rennes"
    mission = Mission.objects.get(organization=association)
    assert mission.status == Status.SUBMITTED

    # --- A moderator publishes it; Odile is told ------------------------------------------
    moderator = new_page("desktop", user=staff)
    moderator.goto("/moderation/")
    moderator.get_by_role("link", name=mission.title).click()
    moderator.get_by_label("Publier la mission : elle est claire et bénévole").check()
    moderator.get_by_role("button", name="Enregistrer la décision").click()
    expect(moderator.get_by_role("status")).to_be_visible()
    mission.refresh_from_db()
    assert mission.status == Status.OPEN
    assert_emailed(ODILE, "est en ligne")

    # --- Inès signs up, fills in her profile, finds the mission and applies ----------------
    ines = new_page("mobile")
    sign_up(ines, last_link, start="Proposer mes compétences", name="Inès Garcia", email=INES)
    expect(ines.get_by_role("heading", level=1)).to_have_text("Bonjour Inès !")
    fill_in_profile(ines, commune="Rennes")
    find_and_offer_help(
        ines,
        title=mission.title,
        message="Bonjour ! Je suis en 2e année de design graphique, ce logo me plairait beaucoup.",
    )
    assert_emailed(ODILE, "Inès")

    # --- Odile follows the e-mail's link, accepts and confirms the agreement ---------------
    odile.goto(last_link(ODILE))  # the mission's applicants
    expect(odile.get_by_text("ce logo me plairait beaucoup")).to_be_visible()
    odile.get_by_role("button", name="Accepter Inès").click()
    expect(odile.get_by_role("heading", level=1)).to_have_text("Accord d’engagement")
    odile.get_by_role("button", name="Je confirme cet accord").click()
    expect(odile.get_by_role("status")).to_contain_text("votre confirmation est enregistrée")
    assert "vous êtes accepté·e" in subjects_to(INES)[-2]
    assert_emailed(INES, "Accord d’engagement à confirmer")

    # --- Inès confirms too, from the e-mail -------------------------------------------------
    ines.goto(last_link(INES))  # the agreement to confirm
    ines.get_by_role("button", name="Je confirme cet accord").click()
    expect(ines.get_by_role("status")).to_contain_text("confirmé des deux côtés")
    application = Application.objects.get(mission=mission)
    assert application.agreement.is_confirmed
    assert_emailed(ODILE, "peut commencer")

    # --- They exchange a message; e-mail addresses never appear ----------------------------
    ines.goto(f"/applications/{application.pk}/")
    ines.get_by_role("link", name="Écrire à l’association").click()
    ines.get_by_label("Votre message").fill("Avez-vous des couleurs préférées pour le logo ?")
    ines.get_by_role("button", name="Envoyer").click()
    expect(ines.get_by_text("Avez-vous des couleurs préférées")).to_be_visible()
    expect(ines.get_by_text(ODILE)).to_have_count(0)
    assert_emailed(ODILE, "Inès Garcia vous a écrit")

    odile.goto(last_link(ODILE))
    expect(odile.get_by_text("Avez-vous des couleurs préférées")).to_be_visible()
    odile.get_by_label("Votre message").fill("Le vert des feuilles et un jaune soleil !")
    odile.get_by_role("button", name="Envoyer").click()
    expect(odile.get_by_text("Le vert des feuilles")).to_be_visible()
    expect(odile.get_by_text(INES)).to_have_count(0)
    assert_emailed(INES, "Odile Roux vous a écrit")

    # --- Odile starts the mission; Inès is told --------------------------------------------
    odile.goto(f"/missions/{mission.pk}/")
    odile.get_by_role("button", name="Démarrer la mission").click()
    expect(odile.get_by_role("status")).to_be_visible()
    mission.refresh_from_db()
    assert mission.status == Status.IN_PROGRESS
    assert_emailed(INES, "« Logo et couleurs de l’association » commence")

    # --- Inès hands her work over ------------------------------------------------------------
    logo = tmp_path / "logo.png"
    Image.new("RGB", (480, 320), (40, 140, 60)).save(logo)
    ines.goto(f"/applications/{application.pk}/")
    ines.get_by_role("link", name="Remettre mon travail").click()
    ines.get_by_label("Vos fichiers").set_input_files(str(logo))
    ines.get_by_label("Heures passées sur la mission").fill("12")
    ines.get_by_label("Un mot pour l’association").fill("Voici le logo, en vert et jaune.")
    ines.get_by_role("button", name="Remettre mon travail").click()
    expect(ines.get_by_role("status")).to_contain_text("Votre travail est remis")
    mission.refresh_from_db()
    assert mission.status == Status.DELIVERED

    # --- Odile, from the e-mail, confirms the end with the hours and writes the reference --
    odile.goto(last_link(ODILE))
    expect(odile.get_by_text("Voici le logo, en vert et jaune.")).to_be_visible()
    odile.get_by_label("Heures reconnues").fill("12")
    odile.get_by_role("button", name="Confirmer la fin de la mission").click()
    expect(odile.get_by_role("heading", level=1)).to_contain_text("La recommandation")
    mission.refresh_from_db()
    assert mission.status == Status.COMPLETED
    rate(odile, "La qualité du travail", "5 sur 5 : excellent")
    rate(odile, "La communication", "5 sur 5 : excellent")
    rate(odile, "Le respect des délais", "4 sur 5 : bien")
    odile.get_by_label("Qu’a réalisé Inès pour votre association ?").fill(
        "Inès a dessiné le logo des dix ans du jardin."
    )
    odile.get_by_label("Comment s’est passée la collaboration ?").fill(
        "Elle nous a proposé trois pistes et a tenu compte de nos remarques."
    )
    odile.get_by_label("Recommanderiez-vous Inès, et pour quoi ?").fill(
        "Oui, pour tout travail graphique."
    )
    odile.get_by_label("Logo et identité visuelle").check()
    odile.get_by_role("button", name="Envoyer la recommandation").click()
    expect(odile.get_by_role("status")).to_contain_text("Votre avis est enregistré")

    # --- Inès gives her review of the association; both appear -------------------------------
    ines.goto(f"/applications/{application.pk}/review/")
    rate(ines, "La clarté du besoin", "5 sur 5 : excellent")
    rate(ines, "La disponibilité", "5 sur 5 : excellent")
    rate(ines, "Le respect", "5 sur 5 : excellent")
    ines.get_by_role("button", name="Envoyer mon avis").click()
    expect(ines.get_by_role("status")).to_contain_text("Les deux avis sont écrits")

    # --- Her attestation: a PDF naming her, the mission and the hours ------------------------
    ines.goto(f"/applications/{application.pk}/completion/")
    link = ines.get_by_role("link", name="Télécharger mon attestation (PDF)")
    pdf = ines.request.get(link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # --- She publishes her book; anyone sees the mission and the reference -------------------
    ines.goto("/book/settings/")
    ines.get_by_label("Publier mon book").check()
    ines.get_by_role("button", name="Enregistrer").click()
    expect(ines.get_by_role("status")).to_contain_text("Votre book est publié")
    visitor = new_page("desktop")
    visitor.goto("/book/ines-garcia/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Inès Garcia")
    expect(visitor.get_by_role("heading", name=mission.title)).to_be_visible()
    expect(visitor.get_by_text("Inès a dessiné le logo des dix ans du jardin.")).to_be_visible()
