"""Steps of the whole journey that several browser tests walk, through visible French labels
only: signing up, an association's first mission (counted in screens and fields), a
student's profile and offer of help, the association's answer."""

from django.core import mail
from playwright.sync_api import expect

from conftest import axe_violations

PASSWORD = "le jardin des possibles"


def subjects_to(address: str) -> list[str]:
    return [message.subject for message in mail.outbox if address in message.to]


def assert_emailed(address: str, text: str) -> None:
    """The last e-mail to `address` says `text` in its subject."""
    subjects = subjects_to(address)
    assert subjects and text in subjects[-1], subjects


def heading(page):
    return page.get_by_role("heading", level=1)


class Walk:
    """What a newcomer goes through: every page the browser shows (a screen, whatever
    brought it: a link, a button, the link of an e-mail) and every field they fill in."""

    def __init__(self, page, *, accessible: bool = False):
        self.page = page
        self.screens: list[str] = []
        self.fields: list[str] = []
        self.accessible = accessible
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame) -> None:
        if frame == self.page.main_frame:
            self.screens.append(frame.url)

    def fill(self, label: str, value: str) -> None:
        self.page.get_by_label(label).fill(value)
        self.fields.append(label)

    def check(self, label: str) -> None:
        self.page.get_by_label(label).check()
        self.fields.append(label)

    def looks_fine(self) -> None:
        """No axe-core violation on the screen shown now (when asked to look)."""
        if self.accessible:
            assert axe_violations(self.page) == [], self.page.url

    def stop(self) -> None:
        self.page.remove_listener("framenavigated", self._navigated)


def sign_up(page, last_link, *, start: str, name: str, email: str, walk: Walk | None = None):
    """From a home-page button: the form, then the link of the confirmation e-mail, opened
    in the same browser, which logs in."""
    walk = walk or Walk(page)
    page.goto("/")
    walk.looks_fine()
    page.get_by_role("link", name=start).click()
    walk.fill("Prénom et nom", name)
    walk.fill("Adresse e-mail", email)
    walk.fill("Mot de passe", PASSWORD)
    walk.looks_fine()
    page.get_by_role("button", name="Créer mon compte").click()
    expect(heading(page)).to_contain_text("ouvrez l’e-mail")
    walk.looks_fine()

    assert subjects_to(email) == ["Confirmez votre adresse e-mail sur A-lasso"]
    page.goto(last_link(email))  # the person clicks the link in the e-mail
    expect(page.get_by_role("status")).to_contain_text("vous êtes connecté·e")
    return walk


def post_first_mission(
    page,
    last_link,
    *,
    name: str,
    email: str,
    association: dict,
    need: str,
    accessible: bool = False,
) -> Walk:
    """A newcomer, from the home page to a first mission sent for review: sign up, confirm,
    register the association (`association`: name, commune, cause, template), pick the
    template, say the need, send. Returns the `Walk`, stopped on the mission's page."""
    walk = Walk(page, accessible=accessible)
    sign_up(page, last_link, start="Inscrire mon association", name=name, email=email, walk=walk)

    expect(heading(page)).to_have_text("Inscrire mon association")
    walk.looks_fine()
    walk.fill("Nom de l’association", association["name"])
    with page.expect_response(lambda response: "/geo/communes/" in response.url):
        walk.fill("Commune", association["commune"])
    walk.check(association["cause"])
    page.get_by_role("button", name="Inscrire", exact=True).click()

    expect(heading(page)).to_have_text("Proposer une mission")
    expect(page.get_by_role("status")).to_contain_text("décrivez votre premier besoin")
    walk.looks_fine()
    page.get_by_role("button", name=f"Choisir ce modèle : {association['template']}").click()

    expect(heading(page)).to_have_text("Votre besoin")
    walk.looks_fine()
    walk.fill("Votre besoin en quelques mots", need)
    page.get_by_role("button", name="Continuer", exact=True).click()

    # The template said who and how much, the end date and the place are filled in.
    expect(heading(page)).to_have_text("Quand et où")
    walk.looks_fine()
    page.get_by_role("button", name="Envoyer ma mission").click()
    expect(page.get_by_role("status")).to_contain_text("Notre équipe la relit")
    walk.looks_fine()
    walk.stop()
    return walk


def fill_in_profile(page, *, commune: str) -> None:
    """A design student's profile: one skill with its level, time, school, commune."""
    page.get_by_role("link", name="Remplir mon profil").click()
    page.locator("summary", has_text="Graphisme").click()
    page.get_by_role("group", name="Logo").get_by_label("à l’aise").check()
    page.get_by_label("Heures disponibles par semaine").fill("5")
    page.get_by_label("École ou université").fill("École des beaux-arts de Rennes")
    page.get_by_label("Formation").fill("Design graphique")
    with page.expect_response(lambda response: "/geo/communes/" in response.url):
        page.get_by_label("Votre commune").fill(commune)
    page.get_by_role("button", name="Enregistrer mon profil").click()
    expect(page.get_by_role("status")).to_contain_text("Votre profil de bénévole est enregistré")


def find_and_offer_help(page, *, title: str, message: str) -> None:
    """From the list of missions, filtered by skill, to the offer of help sent."""
    page.goto("/missions/")
    page.get_by_label("Type de compétence").select_option(label="Graphisme")
    page.get_by_role("button", name="Afficher les missions").click()
    page.get_by_role("link", name=title).click()
    page.get_by_role("link", name="Proposer mon aide").click()
    page.get_by_label("Votre message à l’association").fill(message)
    page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(page.get_by_role("status")).to_contain_text("Votre proposition est envoyée")
