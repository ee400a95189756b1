"""The search of open missions: keywords, filters, order, on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from missions.models import Status
from missions.search import stem, words
from missions.tests.factories import MissionFactory
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory

URL = reverse("missions:list")


def titles(client, **params) -> list[str]:
    """The titles of the missions listed, in order."""
    text = client.get(URL, params).text
    found = [(text.find(f">{t}<"), t) for t in TITLES if f">{t}<" in text]
    return [title for _, title in sorted(found)]


TITLES = [
    "Création d’un logo",
    "Refonte du site internet",
    "Tableau des adhérents",
    "Vidéo du tournoi",
    "Des logos pour nos équipes",
]


@pytest.fixture
def catalogue(association):
    today = timezone.localdate()
    citizen = association
    professional = AssociationFactory(
        name="Centre social", association_type=Organization.AssociationType.PROFESSIONAL
    )
    MissionFactory(
        organization=citizen,
        title="Création d’un logo",
        need="Notre association n’a pas d’identité visuelle.",
        effort_hours=15,
    )
    MissionFactory(
        organization=professional,
        title="Refonte du site internet",
        need="Le site est vieux ; il faudrait un logo plus moderne aussi.",
        deliverables="Un site",
        skills=["wordpress"],
        effort_hours=45,
        start_date=today + datetime.timedelta(days=60),
        end_date=today + datetime.timedelta(days=120),
    )
    MissionFactory(
        organization=citizen,
        title="Tableau des adhérents",
        need="Un tableur pour suivre les cotisations.",
        deliverables="Un tableau",
        skills=["spreadsheets"],
        effort_hours=8,
    )
    MissionFactory(
        organization=professional,
        title="Vidéo du tournoi",
        need="Filmer et monter le tournoi de judo.",
        deliverables="Une vidéo de trois minutes",
        skills=["video-editing"],
        effort_hours=80,
    )
    MissionFactory(
        organization=citizen,
        title="Des logos pour nos équipes",
        need="Chaque équipe voudrait son écusson.",
    )


def test_keywords_ignore_accents_and_case(client, catalogue):
    assert titles(client, q="creation") == ["Création d’un logo"]
    assert titles(client, q="CRÉATION") == ["Création d’un logo"]
    assert titles(client, q="vidéo") == ["Vidéo du tournoi"]
    assert titles(client, q="video tournoi") == ["Vidéo du tournoi"]


def test_a_plural_finds_the_singular_and_the_other_way_round(client, catalogue):
    found = set(titles(client, q="logos"))

    assert {"Création d’un logo", "Des logos pour nos équipes"} <= found
    assert set(titles(client, q="logo")) == found
    assert titles(client, q="adherents") == ["Tableau des adhérents"]


def test_by_relevance_a_word_in_the_title_comes_before_one_in_the_text(client, catalogue):
    found = titles(client, q="logo")

    assert found[-1] == "Refonte du site internet"  # only in its need
    assert set(found) == {"Création d’un logo", "Des logos pour nos équipes", found[-1]}


def test_words_that_say_nothing_are_ignored_and_nothing_found_says_so(client, catalogue):
    assert len(titles(client, q="de la pour")) == 5
    text = client.get(URL, {"q": "trombone"}).text
    assert "mission-card" not in text
    assert "Aucune mission ne contient ces mots" in text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"effort": "short"}, {"Tableau des adhérents"}),
        ({"effort": "medium"}, {"Création d’un logo", "Des logos pour nos équipes"}),
        ({"effort": "long"}, {"Refonte du site internet"}),
        ({"effort": "very_long"}, {"Vidéo du tournoi"}),
        ({"kind": "professional"}, {"Refonte du site internet", "Vidéo du tournoi"}),
        ({"kind": "citizen", "q": "logo"}, {"Création d’un logo", "Des logos pour nos équipes"}),
        ({"domain": "web"}, {"Refonte du site internet"}),
    ],
)
def test_filters_narrow_the_search(client, catalogue, params, expected):
    assert set(titles(client, **params)) == expected


def test_the_dates_keep_missions_that_meet_them(client, catalogue):
    today = timezone.localdate()
    soon = (today + datetime.timedelta(days=10)).isoformat()
    later = (today + datetime.timedelta(days=90)).isoformat()

    # Available only in ten days' time: the website starts in two months.
    assert "Refonte du site internet" not in titles(client, date_until=soon)
    # Available from three months on: only the website is not finished by then.
    assert titles(client, date_from=later) == ["Refonte du site internet"]


def test_a_wrong_date_is_explained_and_the_other_filters_still_apply(client, catalogue):
    text = client.get(URL, {"date_from": "n’importe", "effort": "short"}).text

    assert "Écrivez une date" in text
    assert "Une valeur n’est pas valable" in text
    assert ">Tableau des adhérents<" in text
    assert ">Vidéo du tournoi<" not in text


def test_the_search_stays_in_the_address_and_in_the_page_links(client, association):
    for index in range(23):
        MissionFactory(organization=association, title=f"Logo numéro {index}")

    text = client.get(URL, {"q": "logo", "effort": "medium"}).text

    assert "?q=logo&amp;effort=medium&amp;page=2" in text
    assert 'value="logo"' in text  # the box keeps what was typed
    assert '<option value="medium" selected>' in text


def test_without_javascript_the_form_is_a_plain_get_and_htmx_gets_only_the_results(
    client, catalogue
):
    page = client.get(URL, {"q": "vidéo"}).text
    assert f'<form method="get" action="{URL}"' in page
    assert "<html" in page

    partial = client.get(URL, {"q": "vidéo"}, headers={"HX-Request": "true"}).text
    assert "<html" not in partial
    assert 'id="results"' in partial
    assert ">Vidéo du tournoi<" in partial
    assert ">Création d’un logo<" not in partial


def test_a_volunteer_may_put_their_best_matches_first(client, designer, catalogue):
    client.force_login(designer.user)

    text = client.get(URL, {"sort": "match"}).text
    found = titles(client, sort="match")

    assert set(found[:2]) == {"Création d’un logo", "Des logos pour nos équipes"}
    assert len(found) == 5  # the others follow, newest first
    assert "Pour vous :" in text
    assert "Logo et identité visuelle · à distance" in text
    assert 'value="match" selected' in text


def test_the_match_order_is_offered_only_to_volunteers_with_a_profile(client, lea, catalogue):
    assert 'value="match"' not in client.get(URL).text
    client.force_login(lea)
    assert 'value="match"' not in client.get(URL).text
    # Asked anyway: newest first.
    assert len(titles(client, sort="match")) == 5


def test_helpers_fold_and_stem_french_words():
    assert words("La création du LOGO, et des Vidéos !") == ["creation", "logo", "videos"]
    assert stem("logos") == "logo"
    assert stem("creation") == stem("createur") == "creat"
    assert stem("site") == "site"
    assert stem("journaux") == "journal"


def _missions(count: int) -> None:
    organizations = [AssociationFactory(verified=True) for _ in range(3)]
    for index in range(count):
        MissionFactory(
            organization=organizations[index % 3],
            title=f"Création de logo n°{index}",
            skills=["logo", "figma", "canva"][: 1 + index % 3],
        )


@pytest.mark.parametrize("params", [{"q": "création logo"}, {"sort": "match", "q": "logo"}])
def test_a_search_costs_the_same_number_of_queries_for_3_or_30_missions(
    params, designer, django_assert_max_num_queries
):
    client = Client()
    client.force_login(designer.user)
    _missions(3)
    client.get(URL, params)  # warm the caches
    with django_assert_max_num_queries(12) as few:
        client.get(URL, params)
    _missions(27)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {**params, "page": 2})

    assert "30 missions proposées" in response.text


def test_a_word_whose_french_stem_is_shorter_than_its_light_stem_is_found(client, association):
    """PostgreSQL keeps "commun" of « communication » and "cotis" of « cotisations », shorter
    than the light stems "communicat" and "cotisat": the search asks for either."""
    MissionFactory(organization=association, title="Plan de communication")
    MissionFactory(organization=association, title="Suivi des cotisations")

    def found(query):
        text = client.get(URL, {"q": query}).text
        return {t for t in ("Plan de communication", "Suivi des cotisations") if f">{t}<" in text}

    assert found("communication") == {"Plan de communication"}
    assert found("communications") == {"Plan de communication"}
    assert found("cotisation") == {"Suivi des cotisations"}


def test_the_count_is_exact_up_to_the_limit_then_says_more_than_it(client, association, settings):
    settings.EXACT_COUNT_UP_TO = 5
    for index in range(5):
        MissionFactory(organization=association, title=f"Site internet n°{index}")
    MissionFactory(organization=association, title="Vidéo du tournoi")

    assert "5 missions proposées" in client.get(URL, {"q": "site"}).text

    MissionFactory(organization=association, title="Site internet n°5")
    text = client.get(URL, {"q": "site"}).text
    assert "Plus de 5 missions proposées" in text
    assert "6 missions proposées" not in text
    # Without keywords as well: seven open missions, more than five.
    assert "Plus de 5 missions proposées" in client.get(URL).text
    english = client.get(URL, {"q": "site"}, headers={"Accept-Language": "en"}).text
    assert "More than 5 missions" in english


def test_only_the_newest_matches_are_ranked_and_the_others_follow_newest_first(
    client, association, monkeypatch
):
    """Ranking reads a match's whole text: only the newest few are ranked (here 3), the
    others follow by date, and paging through lists every match once."""
    monkeypatch.setattr("missions.search.CANDIDATES", 3)
    monkeypatch.setattr("missions.views.PER_PAGE", 2)
    now = timezone.now()
    missions = {}
    for age, title, need in [
        (5, "Logo de l’été", "Un dessin."),  # in the title, but old
        (4, "Logo de l’hiver", "Un dessin."),
        (3, "Logo du club", "Un dessin."),  # in the title, and among the newest three
        (2, "Affiche du gala", "Avec un logo dessus."),
        (1, "Affiche du bal", "Avec un logo dessus."),
    ]:
        missions[title] = MissionFactory(
            organization=association,
            title=title,
            need=need,
            deliverables="Un fichier",
            published_at=now - datetime.timedelta(days=age),
        )
    for index in range(7):  # bm25 gives nothing to a word that most missions have
        MissionFactory(
            organization=association,
            title=f"Vidéo n°{index}",
            need="Filmer.",
            deliverables="Un film",
        )

    listed = []
    for number in (1, 2, 3):
        text = client.get(URL, {"q": "logo", "page": number}).text
        listed += sorted((text.find(f">{t}<"), t) for t in missions if f">{t}<" in text)

    assert [title for _, title in listed] == [
        "Logo du club",
        "Affiche du bal",
        "Affiche du gala",
        "Logo de l’hiver",
        "Logo de l’été",
    ]
    assert "5 missions proposées" in text


def test_a_mission_edited_closed_or_deleted_is_found_accordingly_at_once(client, association):
    """PostgreSQL searches a table of its own, kept by the missions' triggers."""
    mission = MissionFactory(organization=association, title="Affiche du gala", need="Un visuel.")
    MissionFactory(organization=association, title="Vidéo du tournoi", need="Filmer.")

    def found(query):
        return ">Affiche du gala<" in client.get(URL, {"q": query}).text or (
            ">Programme du gala<" in client.get(URL, {"q": query}).text
        )

    assert found("affiche")
    mission.title = "Programme du gala"
    mission.save(update_fields=["title"])
    assert found("programme")
    assert not found("affiche")

    mission.status = Status.CANCELLED
    mission.save(update_fields=["status"])
    assert not found("programme")

    mission.status = Status.OPEN
    mission.save(update_fields=["status"])
    assert found("programme")
    mission.delete()
    assert not found("programme")
