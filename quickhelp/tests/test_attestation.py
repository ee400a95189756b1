"""The attestation of her coups de main: a volunteer who never did a mission, only helped
associations by quick help, gets a signed attestation of each solved question's hours,
verifiable like a mission's (the same page, PDF, signed JSON and key), on her book too."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from credentials.models import Credential
from credentials.tests.conftest import node_verify, signing_key  # noqa: F401 (fixtures)
from credentials.tests.test_pdf import pdf_text
from impact.selectors import current_rates
from portfolio.models import Portfolio
from quickhelp import services
from quickhelp.attestations import attest, attest_due
from quickhelp.models import Credit
from taxonomy.models import SkillDomain
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import QuestionFactory, call_question

pytestmark = pytest.mark.django_db


def _help(association, asker, helper, capture):
    """`helper` takes a call (an hour) and answers another question in writing (half an
    hour); the association marks both solved and thanks her."""
    called = call_question(association, asker)
    services.call_take(
        question=called, by=helper, slot=called.slots.first(), video_link="https://x.example"
    )
    written = QuestionFactory(organization=association, asked_by=asker)
    services.answer_write(question=written, by=helper, body="Somme (Σ), puis Entrée.")
    with capture(execute=True):
        services.question_solve(question=called, by=asker, thanked=helper, thanks="Merci !")
    with capture(execute=True):
        services.question_solve(question=written, by=asker, thanked=helper)
    return called, written


def test_a_helper_without_any_mission_gets_a_verifiable_attestation_of_her_hours(
    client,
    association,
    martine,
    nina,
    node_verify,  # noqa: F811
    tmp_path,
    django_capture_on_commit_callbacks,
):
    called, written = _help(association, martine, nina, django_capture_on_commit_callbacks)

    credentials = Credential.objects.filter(holder=nina).order_by("issued_at")
    assert [c.kind for c in credentials] == ["quickhelp", "quickhelp"]
    call_credential = Credit.objects.get(question=called, helper=nina).credential
    written_credential = Credit.objects.get(question=written, helper=nina).credential

    # The public page says it is valid, and what it attests: her, the association, the hours.
    page = client.get(reverse("credentials:verify", args=[call_credential.public_id]))
    assert page.status_code == 200
    text = page.text
    assert "Attestation de coup de main bénévole" in text
    assert "Attestation valide" in text
    assert "Nina Roux" in text
    assert "Les Jardins Partagés de Belleville" in text
    assert "1 h (un appel compte une heure" in text
    # Never the question's own words: they may say something personal.
    assert called.title not in text

    # The signed file states the hours, and an independent verifier accepts it.
    signed = client.get(reverse("credentials:verify_json", args=[written_credential.public_id]))
    document = json.loads(signed.content)
    assert document["credentialSubject"]["result"][0]["value"] == "0.5"
    assert "soit 0,5 h" in document["description"]
    assert called.title not in json.dumps(document, ensure_ascii=False)
    assert node_verify(document)["verified"] is True

    # The printable attestation, in French and in English.
    url = reverse("credentials:attestation", args=[written_credential.public_id])
    french = pdf_text(client.get(url, {"lang": "fr"}).content, tmp_path)
    assert "Attestation de coup de main bénévole" in french
    assert "Nina Roux a donné bénévolement un coup de main" in french
    assert "soit 0,5 h" in french
    english = pdf_text(client.get(url, {"lang": "en"}).content, tmp_path)
    assert "0.5 h" in english

    # Her list of attestations, and her book.
    client.force_login(nina)
    mine = client.get(reverse("credentials:mine")).text
    assert mine.count("Coup de main ·") == 2
    book = Portfolio.objects.create(user=nina, slug="nina-roux", is_public=True)
    shown = client.get(reverse("portfolio:detail", args=[book.slug])).text
    assert "Attestation vérifiable" in shown
    assert reverse("credentials:verify", args=[call_credential.public_id]) in shown
    assert "Coup de main à Les Jardins Partagés de Belleville" in shown


def test_each_coup_de_main_is_attested_once_and_a_failed_task_is_caught_up(
    association, martine, nina, lea
):
    VolunteerProfileFactory(user=lea, skills={"spreadsheets": 3})
    question = QuestionFactory(organization=association, asked_by=martine)
    services.answer_write(question=question, by=nina, body="Somme (Σ).")
    services.answer_write(question=question, by=lea, body="Ou la fonction SOMME.")
    # The commit's task never ran (no capture here): the hourly tick catches up.
    services.question_solve(question=question, by=martine, thanked=nina)
    assert not Credential.objects.filter(kind="quickhelp").exists()

    assert attest_due() == 2
    assert attest_due() == 0
    credit = Credit.objects.get(question=question, helper=lea)
    assert attest(credit) == credit.credential
    assert set(Credential.objects.values_list("holder__full_name", flat=True)) == {
        "Nina Roux",
        "Léa Martin",
    }


def test_her_association_sees_the_value_of_the_coups_de_main_it_received(
    client, association, martine, nina, django_capture_on_commit_callbacks
):
    _help(association, martine, nina, django_capture_on_commit_callbacks)
    rate = current_rates().of(SkillDomain.objects.get(slug="data-office").pk)
    euros = Decimal("1.5") * rate
    client.force_login(martine)

    response = client.get("/")

    value = response.context["board"].associations[0].value
    assert (value.hours, value.euros) == (Decimal("1.5"), euros)
    assert "Valeur du travail reçu" in response.text


def test_the_helper_sees_the_value_of_her_coups_de_main_without_any_mission(
    client, association, martine, nina, django_capture_on_commit_callbacks
):
    _help(association, martine, nina, django_capture_on_commit_callbacks)
    rate = current_rates().of(SkillDomain.objects.get(slug="data-office").pk)
    client.force_login(nina)

    response = client.get("/")

    value = response.context["board"].value_given
    assert (value.hours, value.euros) == (Decimal("1.5"), Decimal("1.5") * rate)
    assert "Valeur de votre engagement" in response.text
    assert "(1,5 heures)" in response.text


def test_the_attestation_pages_of_a_coup_de_main_are_complete_in_english(
    client, association, martine, nina, django_capture_on_commit_callbacks
):
    from core.tests.test_english import french_left, main_text

    called, _written = _help(association, martine, nina, django_capture_on_commit_callbacks)
    nina.language = "en"
    nina.save(update_fields=["language"])
    client.force_login(nina)
    credential = Credit.objects.get(question=called, helper=nina).credential
    # Data, not interface: names and the topic as the signed (French) document states it.
    data = [
        "Nina Roux",
        "Les Jardins Partagés de Belleville",
        *credential.document["name"].split(" : "),
    ]
    data += [credential.document["credentialSubject"]["achievement"]["description"]]
    data += [nina.volunteer_profile.bio]  # what she wrote about herself
    Portfolio.objects.create(user=nina, slug="nina-roux", is_public=True)
    for url in (
        reverse("credentials:verify", args=[credential.public_id]),
        reverse("credentials:mine"),
        reverse("portfolio:detail", args=["nina-roux"]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not french_left(main_text(response.text), data), url
