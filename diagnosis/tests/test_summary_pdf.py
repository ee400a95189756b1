"""The printable summary for the board meeting: a PDF with the scores, chart and plan."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from diagnosis import selectors
from diagnosis.models import Diagnosis
from diagnosis.pdf import summary_document, summary_html
from diagnosis.results import results_of
from diagnosis.tests.helpers import answer_all

pytestmark = pytest.mark.usefixtures("loaded")


def text_of(document) -> str:
    """The words laid out on the pages, read from WeasyPrint's own boxes."""
    from weasyprint.formatting_structure.boxes import TextBox

    words = []

    def walk(box):
        if isinstance(box, TextBox):
            words.append(box.text)
        for child in getattr(box, "children", ()):
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return " ".join(" ".join(words).split())


def test_a_member_downloads_the_summary_as_a_pdf(client, yacine, association, done):
    client.force_login(yacine)

    response = client.get(reverse("diagnosis:summary", args=[association.slug, done.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    date = f"{done.completed_at:%Y-%m-%d}"
    assert response["Content-Disposition"] == (
        f'attachment; filename="bilan-numerique-{association.slug}-{date}.pdf"'
    )


def test_the_summary_holds_the_scores_the_plan_and_the_way_back(association, martine):
    first = answer_all(association, martine, {"website": "none", "social-media": "none"})
    Diagnosis.objects.filter(pk=first.pk).update(
        completed_at=timezone.now() - datetime.timedelta(days=60)
    )
    second = answer_all(association, martine, {"website": "none", "social-media": "regularly"})
    results = results_of(second, selectors.questionnaire())
    url = f"http://testserver/diagnosis/{association.slug}/{second.pk}/"

    text = text_of(summary_document(results, url=url))

    assert "Les Jardins Partagés de Belleville" in text
    assert f"En moyenne : {second.overall} sur 100" in text
    assert "Communication et visibilité : " in text
    gained = second.scores["communication"] - first.scores["communication"]
    assert f"+{gained} points depuis la dernière fois" in text
    for step in results.plan:
        assert f"Étape {step.number} : {step.template.title}" in text
    assert "Votre association n’a pas de site internet." in text
    assert url in text
    # The same chart as on the page, with its text alternative.
    html = summary_html(results, url=url)
    assert 'role="img"' in html and "Communication et visibilité : " in html
