"""French elision of "de" before a name: "la recommandation d’Inès", never "de Inès"."""

import pytest
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import override

from accounts.tests.factories import UserFactory
from completion.tests.factories import CompletionFactory
from completion.tests.factories import engagement as make_engagement
from core.templatetags.text import elide
from missions.models import Status
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La recommandation de Inès", "La recommandation d’Inès"),
        ("Le book de Édouard Martin", "Le book d’Édouard Martin"),
        ("L’avis de Yves", "L’avis d’Yves"),
        ("L’avis de Yacine", "L’avis de Yacine"),
        ("Réponse de Association Arc-en-ciel", "Réponse d’Association Arc-en-ciel"),
        ("Le mot de élise", "Le mot d’élise"),
        ("De Ophélie ou de Ulysse", "D’Ophélie ou d’Ulysse"),
        ("Candidature de Hugo", "Candidature de Hugo"),
        ("Candidature de Léa", "Candidature de Léa"),
        ("Moyenne de 3 avis", "Moyenne de 3 avis"),
        ("Le message de l’association", "Le message de l’association"),
        ("La demande Inès, le monde entier", "La demande Inès, le monde entier"),
        ("Agnès de Anjou", "Agnès d’Anjou"),
        ("Application from Inès", "Application from Inès"),
    ],
)
def test_de_is_elided_before_a_vowel_only(text, expected):
    assert elide(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Réponse de Les Amis du Lavoir pour", "Réponse des Amis du Lavoir pour"),
        ("La recommandation de Le Relais Solidaire", "La recommandation du Relais Solidaire"),
        ("De Les Amis du Lavoir", "Des Amis du Lavoir"),
        ("Bienvenue à Les Amis du Lavoir", "Bienvenue aux Amis du Lavoir"),
        ("À Le Relais", "Au Relais"),
        # "La" and "L’" do not contract; a name keeps its capital.
        ("Les bénévoles de La Ruche", "Les bénévoles de La Ruche"),
        ("Le logo de L’Étoile du Nord", "Le logo de L’Étoile du Nord"),
        # Not an article starting a name.
        ("La recommandation de Lesage", "La recommandation de Lesage"),
        ("Avant de les voir, et de le faire", "Avant de les voir, et de le faire"),
        ("Answer from Les Amis", "Answer from Les Amis"),
    ],
)
def test_de_and_a_contract_with_le_and_les_starting_a_name(text, expected):
    assert elide(text) == expected


def test_the_filter_keeps_safe_html_safe_and_unsafe_text_unsafe():
    safe = elide(mark_safe("Le book de <strong>Inès</strong> de Inès"))
    assert safe == "Le book de <strong>Inès</strong> d’Inès"
    assert isinstance(safe, SafeData)
    assert not isinstance(elide("Le book de Inès"), SafeData)


def test_a_name_is_escaped_once_around_the_translated_sentence():
    template = Template(
        "{% load i18n text %}{% filter elide %}{% blocktranslate with name=name %}"
        "Candidature de {{ name }}{% endblocktranslate %}{% endfilter %} · {{ raw|elide }}"
    )
    with override("fr"):
        html = template.render(Context({"name": "Inès & <Co>", "raw": "de Inès <b>"}))

    assert html == "Candidature d’Inès &amp; &lt;Co&gt; · d’Inès &lt;b&gt;"


# --- On the pages and in the e-mails -------------------------------------------------------
@pytest.fixture
def ines(db):
    user = UserFactory(full_name="Inès Moreau", email="ines@example.org", intent="volunteer")
    VolunteerProfileFactory(user=user)
    return user


@pytest.fixture
def ines_engagement(association, martine, ines):
    mission = MissionFactory(
        organization=association, created_by=martine, status=Status.IN_PROGRESS
    )
    return make_engagement(mission=mission, volunteer=ines)


def test_the_association_reads_the_application_of_ines(client, martine, ines_engagement):
    client.force_login(martine)

    page = client.get(reverse("engagements:detail", args=[ines_engagement.pk])).text

    assert "<h1>Candidature d’Inès Moreau</h1>" in page
    assert "Candidature de Inès" not in page


def test_the_english_page_is_left_alone(client, martine, ines_engagement):
    martine.language = "en"
    martine.save(update_fields=["language"])
    client.force_login(martine)

    page = client.get(reverse("engagements:detail", args=[ines_engagement.pk])).text

    assert "<h1>Application from Inès Moreau</h1>" in page
    assert "d’Inès" not in page


def test_the_association_writes_the_recommendation_of_ines(client, martine, ines_engagement):
    CompletionFactory(application=ines_engagement, completed_by=martine)
    client.force_login(martine)

    page = client.get(reverse("completion:review", args=[ines_engagement.pk])).text

    assert "La recommandation d’Inès</h1>" in page


def test_the_email_about_the_review_of_ines_elides_de(
    client, commit, martine, ines, ines_engagement
):
    CompletionFactory(application=ines_engagement, completed_by=martine)
    review_url = reverse("completion:review", args=[ines_engagement.pk])
    client.force_login(martine)
    client.post(
        review_url,
        {
            "quality": "5",
            "communication": "5",
            "deadlines": "5",
            "answer_done": "Inès a créé notre logo.",
            "answer_how": "Avec beaucoup d’écoute.",
            "answer_recommend": "Oui.",
        },
    )
    client.force_login(ines)
    mail.outbox.clear()

    commit(client.post, review_url, {"clarity": "5", "availability": "5", "respect": "5"})

    [email] = [m for m in mail.outbox if m.to == [martine.email]]
    assert email.subject == "L’avis d’Inès Moreau sur votre association est visible"
    assert "L’avis d’Inès Moreau sur votre association, après la mission" in email.body
