"""A whole innovation night in a browser, each person in her own window, through the pages:
three associations post challenges, the organiser accepts them, four teams of two students
form and pick a challenge, three hand their answer in and the fourth is refused once the
deadline has passed, two jurors (one new to the site) score on a phone while the rule on
conflicts keeps one of them away from her association's team, the results come out with a
badge for every participant that an independent verifier accepts, and one association turns
the winning answer into a mission with the team invited.

Only what precedes the story comes from factories: the school and its organiser, the
associations, the students' accounts and the event they read about (published, registration
open). Time passes with `.update()` on the event's dates between two steps."""

import datetime
import json
import subprocess
import urllib.request
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.tests.factories import UserFactory
from challenges.models import Criterion, Event, Submission, Team
from credentials.models import Credential
from engagements.models import Application
from organizations.tests.factories import AssociationFactory, MembershipFactory

from .factories import EventFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VERIFIER = Path(__file__).resolve().parents[2] / "credentials" / "tests" / "verify.mjs"

CHALLENGES = {
    "jardins": "Faire connaître notre jardin partagé",
    "epicerie": "Une affiche pour l’épicerie solidaire",
    "velo": "Donner envie de réparer son vélo",
}
# Team name → (the challenge it picks, the juror's score on every criterion).
TEAMS = {
    "Les Colibris": ("jardins", 5),
    "Les Hérons": ("epicerie", 4),
    "Les Mouettes": ("velo", 3),
    "Les Retardataires": ("jardins", None),  # too late
}


def _link_to(address: str, containing: str) -> str:
    for message in reversed(mail.outbox):
        if address in message.to:
            for word in message.body.split():
                if word.startswith("http") and containing in word:
                    return word
    raise AssertionError(f"no link with {containing} in an e-mail to {address}")


def _verify_with_node(tmp_path: Path, server: str, document: dict) -> dict:
    """Digital Bazaar's verifier, fed with the DID document and the status list the live
    server publishes right now."""
    credential_file = tmp_path / "credential.json"
    credential_file.write_text(json.dumps(document, ensure_ascii=False))
    did_file = tmp_path / "did.json"
    with urllib.request.urlopen(f"{server}/.well-known/did.json") as response:
        did_file.write_bytes(response.read())
    status_url = document["credentialStatus"]["statusListCredential"]
    status_file = tmp_path / "status.json"
    with urllib.request.urlopen(status_url) as response:
        status_file.write_bytes(response.read())
    done = subprocess.run(
        [
            "node",
            str(VERIFIER),
            "--credential",
            str(credential_file),
            "--did",
            str(did_file),
            "--status",
            f"{status_url}={status_file}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_whole_innovation_night(
    new_page, live_server, shipped_data, school, sophie, association, martine, yacine, tmp_path
):
    # --- Before the story: the cast and the published event --------------------------------
    leaders = {"jardins": martine}
    for key, name, admin in (
        ("epicerie", "Épicerie solidaire du Marais", "Odile Simon"),
        ("velo", "L’Atelier Vélo de Rezé", "Karim Benali"),
    ):
        user = UserFactory(full_name=admin, email=f"{key}@example.org", intent="association")
        MembershipFactory(
            organization=AssociationFactory(name=name, verified=True), user=user, role="admin"
        )
        leaders[key] = user
    students = {
        team: [
            UserFactory(full_name=f"{first} {team.split()[1]}", intent="volunteer")
            for first in ("Alice", "Basile")
        ]
        for team in TEAMS
    }
    event = EventFactory(
        organiser=school, created_by=sophie, title="Nuit de l’innovation solidaire"
    )
    event_url = f"/challenges/{event.pk}/"

    pages = {}

    def window(user, width="mobile"):
        """One browser context per person, opened once and reused."""
        if user.pk not in pages:
            pages[user.pk] = new_page(width, user=user)
        return pages[user.pk]

    # --- Three associations post a challenge ------------------------------------------------
    for key, title in CHALLENGES.items():
        page = window(leaders[key])
        page.goto(event_url)
        page.get_by_role("link", name="Proposer un défi de mon association").click()
        page.get_by_label("Titre du défi").fill(title)
        page.get_by_label("Votre besoin, en quelques mots").fill(
            f"{title} : nous manquons d’idées."
        )
        page.get_by_label("À quoi ressemble une bonne réponse").fill("Une affiche, un message.")
        page.get_by_role("button", name="Envoyer le défi").click()
        expect(page.get_by_role("status")).to_be_visible()

    # --- The organiser accepts them -----------------------------------------------------
    organiser = window(sophie, "desktop")
    organiser.goto(event_url)
    organiser.get_by_role("link", name="Les défis proposés par les associations").click()
    for title in CHALLENGES.values():
        organiser.get_by_role("button", name=f"Retenir le défi {title}").click()
        expect(organiser.get_by_role("status")).to_contain_text(title)
        organiser.goto(f"{event_url}challenges/")

    # --- Four teams register, form and pick a challenge ---------------------------------
    for name, (key, _score) in TEAMS.items():
        leader, mate = students[name]
        page = window(leader)
        page.goto(event_url)
        page.get_by_role("button", name="M’inscrire à l’événement").click()
        page.get_by_role("link", name="Créer une équipe").click()
        page.get_by_label("Nom de l’équipe").fill(name)
        page.get_by_role("button", name="Créer l’équipe").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Équipe « {name} »")
        code = page.locator("strong.code").inner_text()

        other = window(mate)
        other.goto("/challenges/join/")
        other.get_by_label("Code de l’équipe").fill(code)
        other.get_by_role("button", name="Continuer").click()
        other.get_by_role("button", name="Rejoindre l’équipe").click()
        expect(other.get_by_role("heading", level=1)).to_have_text(f"Équipe « {name} »")

        page.reload()
        page.get_by_label(CHALLENGES[key]).check()
        page.get_by_role("button", name="Choisir ce défi").click()
        expect(page.get_by_text(f"Défi : {CHALLENGES[key]}")).to_be_visible()

    # --- Registration closes; the organiser starts the night ----------------------------
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        registration_opens=yesterday - datetime.timedelta(days=5), registration_closes=yesterday
    )
    organiser.goto(event_url)
    organiser.get_by_role("button", name="Lancer l’événement").click()
    expect(organiser.locator("header .meta")).to_have_text("École de design de Nantes · En cours")

    # --- The jury, stated before judging: a rubric, two jurors (one new to the site) ------
    organiser.get_by_role("link", name="Le jury : jurés, grille, notes et résultats").click()
    for criterion, weight in (("Utilité pour l’association", "2"), ("Originalité", "1")):
        organiser.get_by_label("Critère", exact=True).fill(criterion)
        organiser.get_by_label("Ce que le jury regarde").fill(f"{criterion}, avant tout.")
        organiser.get_by_label("Poids (de 1 à 10)").fill(weight)
        organiser.get_by_role("button", name="Ajouter le critère").click()
        expect(organiser.locator("strong", has_text=criterion)).to_be_visible()
    for address in (yacine.email, "nadia@example.org"):
        organiser.get_by_label("Adresse e-mail de la ou du juré·e").fill(address)
        organiser.get_by_role("button", name="Inviter").click()
        expect(organiser.get_by_text(address).first).to_be_visible()

    # Yacine, a member of the association whose challenge the Colibris answer, accepts.
    yacine_page = window(yacine)
    yacine_page.goto(_link_to(yacine.email, "/challenges/jury/"))
    yacine_page.get_by_role("button", name="Accepter").click()
    expect(yacine_page.get_by_role("heading", level=1)).to_have_text("Mes réponses à noter")

    # Nadia has no account: she signs up from the invitation and comes back to it.
    nadia_page = new_page("mobile")
    nadia_page.goto(_link_to("nadia@example.org", "/challenges/jury/"))
    nadia_page.get_by_role("link", name="Créer mon compte").click()
    nadia_page.get_by_label("Prénom et nom").fill("Nadia Roussel")
    expect(nadia_page.get_by_label("Adresse e-mail")).to_have_value("nadia@example.org")
    nadia_page.get_by_label("Mot de passe").fill("un jury bienveillant")
    nadia_page.get_by_role("button", name="Créer mon compte").click()
    expect(nadia_page.get_by_role("heading", level=1)).to_contain_text("ouvrez l’e-mail")
    nadia_page.goto(_link_to("nadia@example.org", "/"))
    nadia_page.get_by_role("button", name="Accepter").click()
    expect(nadia_page.get_by_role("heading", level=1)).to_have_text("Mes réponses à noter")

    # --- Three teams hand their answer in; the fourth is a minute late ------------------
    for name, (_key, score) in TEAMS.items():
        page = window(students[name][1])
        page.goto(event_url)
        page.get_by_role("link", name="Voir mon équipe").click()
        page.get_by_role("link", name="Remettre ou revoir la réponse de l’équipe").click()
        page.get_by_label("Votre réponse").fill(f"La réponse des {name} : une affiche en couleurs.")
        if score is None:
            Event.objects.filter(pk=event.pk).update(
                submission_deadline=timezone.now() - datetime.timedelta(minutes=1)
            )
        page.get_by_role("button", name="Remettre la réponse").click()
        if score is None:
            # Said where she clicked (the message) and kept on the page (the notice).
            for where in (page.locator(".messages"), page.locator("p.notice")):
                expect(where).to_contain_text("La date limite de remise des réponses était le")
                expect(where).to_contain_text("La réponse ne peut plus être remise ni modifiée.")
            expect(page.get_by_role("button", name="Remettre la réponse")).to_have_count(0)
        else:
            expect(page.get_by_role("status")).to_contain_text("Votre réponse est enregistrée.")
    assert set(Submission.objects.values_list("team__name", flat=True)) == {
        "Les Colibris",
        "Les Hérons",
        "Les Mouettes",
    }

    organiser.goto(event_url)
    organiser.get_by_role("button", name="Ouvrir la délibération du jury").click()
    expect(organiser.locator("header .meta")).to_have_text(
        "École de design de Nantes · Délibération du jury"
    )

    # --- Assignment: the conflict is honoured, and the organiser reads why --------------
    organiser.get_by_role("link", name="Le jury : jurés, grille, notes et résultats").click()
    organiser.get_by_role("button", name="Confier toutes les réponses à tous les jurés").click()
    expect(organiser.get_by_text("Écartées pour conflit d’intérêts")).to_be_visible()
    expect(
        organiser.get_by_text(
            "Les Colibris ↛ Yacine Haddad : L’équipe répond au défi de son association."
        )
    ).to_be_visible()

    # --- The jurors score on their phones (360 px) --------------------------------------
    criteria = list(Criterion.objects.filter(event=event))
    expected = {yacine_page: ["Les Hérons", "Les Mouettes"]}
    expected[nadia_page] = ["Les Colibris", "Les Hérons", "Les Mouettes"]
    for page, names in expected.items():
        page.goto(event_url)
        page.get_by_role("link", name="Mes réponses à noter (jury)").click()
        expect(page.locator(".jury-list a")).to_have_text(names)
        page.get_by_role("link", name=names[0]).click()
        for count, name in enumerate(names, start=1):
            expect(page.get_by_role("heading", level=1)).to_have_text(name)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            score = TEAMS[name][1]
            for criterion in criteria:
                page.locator(f"label[for='id_value_{criterion.pk}_{score - 1}']").click()
            page.get_by_label("Commentaire sur « Originalité » (lu par l’équipe)").fill(
                f"Bravo, {name} !"
            )
            page.get_by_role("button", name="Enregistrer et passer à la suivante").click()
            expect(page.get_by_text(f"{count} notée(s) sur {len(names)}").first).to_be_visible()

    # --- The organiser publishes the results; everyone reads the ranking ----------------
    organiser.reload()
    organiser.get_by_label("Prix de l’équipe classée n°1").fill("Prix du jury")
    organiser.get_by_role("button", name="Publier le classement et les commentaires").click()
    expect(organiser.get_by_role("status")).to_be_visible()
    results = window(students["Les Mouettes"][0])
    results.goto(event_url)
    results.get_by_role("link", name="Voir les résultats du jury").click()
    expect(results.locator(".jury-results h2")).to_have_text(
        [
            "Rang 1 Les Colibris · Prix du jury",
            "Rang 2 Les Hérons",
            "Rang 3 Les Mouettes",
        ]
    )
    expect(results.get_by_text("Bravo, Les Colibris !")).to_be_visible()

    # --- Every participant's badge verifies; none for the late team ---------------------
    badges = Credential.objects.select_related("holder", "team")
    took_part = [
        s for name in ("Les Colibris", "Les Hérons", "Les Mouettes") for s in students[name]
    ]
    assert sorted((b.holder.pk, b.kind) for b in badges) == sorted(
        [(s.pk, Credential.Kind.PARTICIPATION) for s in took_part]
        + [(s.pk, Credential.Kind.PRIZE) for s in students["Les Colibris"]]
    )
    visitor = new_page("mobile")
    for badge in badges:
        visitor.goto(badge.get_absolute_url())
        expect(visitor.get_by_text("Badge valide")).to_be_visible()
        expect(visitor.get_by_text(badge.holder.full_name).first).to_be_visible()
    for kind in (Credential.Kind.PARTICIPATION, Credential.Kind.PRIZE):
        badge = badges.filter(kind=kind).first()
        assert _verify_with_node(tmp_path, live_server.url, badge.document) == {
            "verified": True,
            "errors": [],
            "revoked": False,
            "statusListVerified": True,
        }

    # --- After the night: Martine turns the Colibris' answer into a mission -------------
    colibris = Team.objects.get(event=event, name="Les Colibris")
    page = window(martine)
    page.goto(f"/challenges/teams/{colibris.pk}/submission/")
    page.get_by_role("link", name="Transformer cette réponse en mission").click()
    page.get_by_role("button", name="Créer la mission et inviter l’équipe").click()
    expect(page.get_by_role("status")).to_be_visible()
    colibris.refresh_from_db()
    assert colibris.mission is not None
    invited = Application.objects.filter(
        mission=colibris.mission, status=Application.Status.INVITED
    )
    assert {a.volunteer_id for a in invited} == {s.pk for s in students["Les Colibris"]}

    member = window(students["Les Colibris"][0])
    member.goto("/applications/")
    expect(member.get_by_text(CHALLENGES["jardins"]).first).to_be_visible()

    organiser.goto(f"{event_url}followups/")
    expect(organiser.get_by_text(CHALLENGES["jardins"]).first).to_be_visible()
