"""The English interface is complete: someone who chose English never meets a French
sentence on the main pages of the marketplace.

The scene is built with English content (mission titles, messages, descriptions) so that
any French left in a page's <main> comes from the interface itself, not from the data.
Proper nouns that stay French on purpose (people, associations, towns, the example school
in a help text) are removed before looking.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from engagements.models import Application
from engagements.tests.factories import AgreementFactory, ApplicationFactory
from messaging import services as messaging
from messaging.tests.factories import MessageFactory
from missions.models import Status
from missions.tests.factories import DraftFactory, MissionFactory
from moderation.tests.factories import PendingAssociationFactory, ReportFactory
from notifications.tests.factories import NotificationFactory
from organizations.tests.factories import AssociationFactory, MembershipFactory
from taxonomy.models import Level
from volunteers.tests.factories import VolunteerProfileFactory

# Whole words that only French sentences contain (checked case-insensitively).
FRENCH_WORD = re.compile(
    r"(?<![\w’'-])(?:le|la|les|des|du|de|au|aux|un|une|et|est|sont|votre|vos|vous|nous"
    r"|pour|avec|dans|sur|par|pas|ce|cette|ces|qui|que|mon|ma|mes|ton|ta|leur|leurs|été"
    r"|être|avoir|ici|voir|candidatures?|bénévoles?|compétences)(?![\w’'-])",
    re.IGNORECASE,
)
# French typography and apostrophes: « guillemets », d’…, l’…, qu’…
FRENCH_SIGNS = re.compile(r"[«»]|\b(?:d|l|qu|n|j|s|c)’\w", re.IGNORECASE)
ACCENTED_WORD = re.compile(r"\w*[éèêëàâçùûîïôœ]\w*", re.IGNORECASE)

# Proper nouns that are French on purpose, in the data or in an English help text.
PROPER_NOUNS = [
    "École de design de Nantes",
    "Les Jardins Partagés de Belleville",
    "Mairie de Villeurbanne",
    "Imprimerie Martin",
    "Saint-Denis",
    "Crédit Coopératif",
    "mécénat de compétences",
    "Journal officiel des associations",
    "annuaire-entreprises.data.gouv.fr",
    "Rhône",
    "Île-de-France",
    "Pays de la Loire",
    "Loire-Atlantique",
    "Paris",
    "Nantes",
    "Lyon",
    "A-lasso",
]


class _MainText(HTMLParser):
    """The text a person sees or hears inside <main>, and the page's <title>: text nodes
    and the labels that screen readers read (aria-label, title, alt, placeholder, button
    values)."""

    SPOKEN = ("aria-label", "title", "alt", "placeholder")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside <main>
        self.hidden = 0  # > 0 inside <script>/<style>/<template>
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("main", "title"):
            self.depth += 1
        if tag in ("script", "style", "template"):
            self.hidden += 1
        if self.depth:
            values = dict(attrs)
            for name in self.SPOKEN:
                if values.get(name):
                    self.parts.append(values[name])
            if (
                tag == "input"
                and values.get("type") in ("submit", "button")
                and values.get("value")
            ):
                self.parts.append(values["value"])

    def handle_endtag(self, tag):
        if tag in ("main", "title"):
            self.depth -= 1
        if tag in ("script", "style", "template"):
            self.hidden -= 1

    def handle_data(self, data):
        if self.depth and not self.hidden:
            self.parts.append(data)


def main_text(html: str) -> str:
    parser = _MainText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def french_left(text: str, data: list[str]) -> list[str]:
    """What betrays French in this text, once the scene's own data is removed: each find
    with the words around it."""
    for known in sorted({*data, *PROPER_NOUNS}, key=len, reverse=True):
        if known:
            text = text.replace(known, " ")
    text = " ".join(text.split())
    found = []
    for pattern in (FRENCH_WORD, FRENCH_SIGNS, ACCENTED_WORD):
        for match in pattern.finditer(text):
            start, end = max(0, match.start() - 50), match.end() + 50
            found.append(f"{match.group(0)!r} in “…{text[start:end]}…”")
    return found


def place_names() -> list[str]:
    """Départements and régions appear in filters and addresses: French proper nouns."""
    from geo.models import Departement, Region

    return [
        *Departement.objects.values_list("name", flat=True),
        *Region.objects.values_list("name", flat=True),
    ]


@pytest.fixture
def scene(association, martine, yacine, bruno, lea, staff):
    """One English-speaking world: Martine's association offers missions, Léa applied to
    one and was accepted, they talked, and the moderators have work waiting."""
    for person in (martine, yacine, lea, staff):
        person.language = "en"
        person.save(update_fields=["language"])
    association.description = "A community garden with workshops for children."
    association.save(update_fields=["description"])

    VolunteerProfileFactory(
        user=lea,
        school_name="Design School",
        programme="Graphic design",
        bio="I love making posters.",
        causes=["culture", "environment"],
        skills={"logo": Level.COMFORTABLE, "figma": Level.EXPERT},
        is_public=True,
    )
    english = {
        "need": "We would like a simple logo for our garden party.",
        "deliverables": "A colour logo\nA black and white version",
    }
    accepted = MissionFactory(
        organization=association,
        created_by=martine,
        title="Logo for the garden party",
        team_size=2,
        **english,
    )
    open_mission = MissionFactory(
        organization=association, created_by=martine, title="Poster for the spring fair", **english
    )
    draft = DraftFactory(
        organization=association,
        created_by=martine,
        title="Website for the garden",
        wizard_step=3,
        **english,
    )
    MissionFactory(
        organization=association,
        created_by=martine,
        title="Video of the harvest",
        status=Status.SUBMITTED,
        **english,
    )
    application = ApplicationFactory(
        mission=accepted,
        volunteer=lea,
        message="Hello, I would be glad to help.",
        status=Application.Status.ACCEPTED,
        answered_at=timezone.now(),
    )
    AgreementFactory(
        application=application,
        scope=english["need"],
        deliverables=english["deliverables"],
        start_date=timezone.localdate() + datetime.timedelta(days=7),
        end_date=timezone.localdate() + datetime.timedelta(days=37),
    )
    karim = UserFactory(full_name="Karim Benali", intent="volunteer", language="en")
    VolunteerProfileFactory(
        user=karim, school_name="Design School", programme="Web development", bio="Web developer."
    )
    ApplicationFactory(mission=open_mission, volunteer=karim, message="Hello, I can help.")

    thread = messaging.thread_for_application(application)
    MessageFactory(thread=thread, author=lea, body="Here is a first idea.")
    MessageFactory(thread=thread, author=martine, body="Thank you, it looks great.")
    NotificationFactory(
        user=lea, title="Martine wrote to you", body="Have you started the logo?", url="/"
    )

    # Work for the moderators: an association to verify, a mission to approve, a report.
    pending = PendingAssociationFactory(
        name="Riverside Book Club", description="Books for everyone.", admin=bruno
    )
    submitted = MissionFactory(
        organization=pending,
        created_by=bruno,
        title="Leaflet for the book fair",
        status=Status.SUBMITTED,
        **english,
    )
    report = ReportFactory(reporter=lea, mission=open_mission, details="Asks for 35 hours a week.")
    other = AssociationFactory(name="Harbour Choir", description="We sing.", verified=True)
    MembershipFactory(organization=other, user=bruno, role="admin")

    people = [martine, yacine, bruno, lea, staff, karim]
    return {
        "lea": lea,
        "martine": martine,
        "staff": staff,
        "association": association,
        "accepted": accepted,
        "open": open_mission,
        "draft": draft,
        "submitted": submitted,
        "pending": pending,
        "application": application,
        "thread": thread,
        "report": report,
        "data": [
            *(person.full_name for person in people),
            *(part for person in people for part in person.full_name.split()),
            association.name,
            pending.name,
            other.name,
            "Club de Judo de Vénissieux",
            *place_names(),
        ],
    }


def pages(scene) -> list[tuple[str, str | None, str]]:
    """(what, who, url): the main pages of the marketplace."""
    mission = scene["open"].pk
    accepted = scene["accepted"].pk
    draft = scene["draft"].pk
    application = scene["application"].pk
    slug = scene["association"].slug
    lea = scene["lea"].pk
    return [
        ("home, anonymous", None, "/"),
        ("mission list, anonymous", None, "/missions/"),
        ("mission page, anonymous", None, f"/missions/{mission}/"),
        ("association page, anonymous", None, f"/organizations/{slug}/"),
        ("dashboard of an association member", "martine", "/"),
        ("dashboard of a volunteer", "lea", "/"),
        ("mission list", "lea", "/missions/"),
        ("mission list, searched", "lea", "/missions/?q=logo&remote=on"),
        ("missions for you", "lea", "/missions/for-you/"),
        ("volunteers to invite", "martine", f"/missions/{mission}/volunteers/"),
        ("mission page, volunteer", "lea", f"/missions/{mission}/"),
        ("mission page, association", "martine", f"/missions/{accepted}/"),
        ("my missions", "martine", "/missions/mine/"),
        ("template chooser", "martine", "/missions/new/"),
        ("wizard, screen 1", "martine", f"/missions/{draft}/edit/1/"),
        ("wizard, screen 2", "martine", f"/missions/{draft}/edit/2/"),
        ("wizard, screen 3", "martine", f"/missions/{draft}/edit/3/"),
        ("apply form", "lea", f"/missions/{mission}/apply/"),
        ("my applications", "lea", "/applications/"),
        ("application page, volunteer", "lea", f"/applications/{application}/"),
        ("application page, association", "martine", f"/applications/{application}/"),
        ("applications of a mission", "martine", f"/missions/{mission}/applications/"),
        ("agreement", "lea", f"/applications/{application}/agreement/"),
        ("inbox", "lea", "/messages/"),
        ("thread", "lea", f"/messages/{scene['thread'].pk}/"),
        ("notifications", "lea", "/notifications/"),
        ("notification preferences", "lea", "/notifications/preferences/"),
        ("association page, admin", "martine", f"/organizations/{slug}/"),
        ("members", "martine", f"/organizations/{slug}/members/"),
        ("association form", "martine", f"/organizations/{slug}/edit/"),
        ("volunteer profile form", "lea", "/profile/"),
        ("volunteer profile", "martine", f"/volunteers/{lea}/"),
        ("report form", "lea", f"/moderation/report/?mission={accepted}"),
        ("moderation queue", "staff", "/moderation/"),
        ("moderation, association", "staff", f"/moderation/organizations/{scene['pending'].slug}/"),
        ("moderation, mission", "staff", f"/moderation/missions/{scene['submitted'].pk}/"),
        ("moderation, report", "staff", f"/moderation/reports/{scene['report'].pk}/"),
        ("my account", "lea", "/account/"),
    ]


def test_the_main_pages_have_no_french_left_in_english(client, scene):
    problems = []
    for what, who, url in pages(scene):
        client.logout()
        if who is None:
            client.cookies["django_language"] = "en"
        else:
            client.cookies.pop("django_language", None)
            client.force_login(scene[who])
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001 - a broken page is reported with the rest
            problems.append(f"{what} ({url}): {type(error).__name__}: {error}")
            continue
        if response.status_code != 200:
            problems.append(f"{what} ({url}): answered {response.status_code}")
            continue
        if '<html lang="en"' not in response.text:
            problems.append(f"{what} ({url}): not served in English")
        text = main_text(response.text)
        if not text:
            problems.append(f"{what} ({url}): no <main>")
        problems += [f"{what} ({url}): {find}" for find in french_left(text, scene["data"])]
    assert not problems, "French left in the English interface:\n" + "\n".join(problems)


def test_the_same_pages_in_french_would_be_caught(client, scene):
    """The detector is not blind: the French pages trip it everywhere."""
    for person in ("martine", "lea", "staff"):
        scene[person].language = "fr"
        scene[person].save(update_fields=["language"])
    for what, who, url in pages(scene):
        client.logout()
        client.cookies.pop("django_language", None)
        if who is not None:
            client.force_login(scene[who])
        text = main_text(client.get(url).text)
        assert french_left(text, scene["data"]), f"{what}: French page not detected"


def test_an_english_account_sees_english_even_with_a_french_cookie(client, scene):
    client.cookies["django_language"] = "fr"
    client.force_login(scene["lea"])

    response = client.get("/missions/")

    assert '<html lang="en"' in response.text
    assert not french_left(main_text(response.text), scene["data"])
