"""The pages: the one question (the association's admins only, three buttons, no
JavaScript), the dashboards' figures, the public explanation and the staff's rates."""

from decimal import Decimal

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from impact.models import AdoptionCheck, HourlyRate

from .factories import asked, done, mission_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def check(association):
    mission = mission_in(association, template="event-poster")
    mission.title = "Une affiche pour la fête des jardins"
    mission.save()
    return asked(mission, day=30, at=timezone.now())


def url(check) -> str:
    return f"/impact/adoption/{check.pk}/"


def test_the_admin_answers_in_one_click(client, martine, check):
    client.force_login(martine)
    page = client.get(url(check)).content.decode()
    assert "Utilisez-vous encore ce que vous avez reçu ?" in page
    assert "Une affiche pour la fête des jardins" in page
    for value, label in (("yes", "Oui, nous l’utilisons"), ("partly", "En partie")):
        assert f'name="answer" value="{value}"' in page
        assert label in page
    assert "<script" not in page.split("<main", 1)[1]  # the answer needs no JavaScript

    response = client.post(url(check), {"answer": "no"})
    assert response.status_code == 302 and response.url == "/"
    check.refresh_from_db()
    assert (check.status, check.answer, check.answered_by) == ("answered", "no", martine)
    assert "Merci" in client.get("/").content.decode()


def test_an_answer_outside_the_three_is_refused(client, martine, check):
    client.force_login(martine)
    response = client.post(url(check), {"answer": "maybe"})
    assert response.status_code == 400
    check.refresh_from_db()
    assert check.is_asked


def test_only_the_associations_admins_see_the_question(client, check, yacine, bruno, lea, staff):
    assert client.get(url(check)).url.startswith("/account/login/")
    client.force_login(yacine)  # a plain member: she knows the mission, may not answer
    assert client.get(url(check)).status_code == 403
    assert client.post(url(check), {"answer": "yes"}).status_code == 403
    for outsider in (bruno, lea, staff):
        client.force_login(outsider)
        assert client.get(url(check)).status_code == 404
        assert client.post(url(check), {"answer": "yes"}).status_code == 404
    check.refresh_from_db()
    assert check.is_asked
    assert client.get("/impact/adoption/999999/").status_code == 404


def test_a_closed_question_shows_no_buttons_and_takes_no_answer(client, martine, check):
    AdoptionCheck.objects.filter(pk=check.pk).update(status="expired")
    client.force_login(martine)
    page = client.get(url(check)).content.decode()
    assert "Cette question est close" in page
    assert 'name="answer"' not in page
    response = client.post(url(check), {"answer": "yes"}, follow=True)
    assert "Cette question est close" in response.content.decode()
    check.refresh_from_db()
    assert check.answer == ""


def test_the_dashboard_asks_the_question_while_it_waits(client, martine, yacine, check):
    client.force_login(martine)
    page = client.get("/").content.decode()
    assert "pour la mission « Une affiche pour la fête des jardins » ?" in page
    assert f'action="{url(check)}"' in page
    client.force_login(yacine)
    assert "Utilisez-vous encore" not in client.get("/").content.decode()
    client.force_login(martine)
    client.post(url(check), {"answer": "yes"})
    assert "Utilisez-vous encore" not in client.get("/").content.decode()


def test_the_dashboard_shows_the_value_of_the_work_received(client, martine, association):
    client.force_login(martine)
    assert "Valeur du travail reçu" not in client.get("/").content.decode()
    done(mission_in(association, template="showcase-website"), hours=30)  # 30 × 64 €
    page = client.get("/").content.decode()
    assert "Valeur du travail reçu : <strong>1\xa0920 €</strong> (30 heures)" in page
    assert 'href="/impact/"' in page


def test_the_students_dashboard_shows_the_value_of_her_engagement(client, lea, association):
    from volunteers.tests.factories import VolunteerProfileFactory

    VolunteerProfileFactory(user=lea)
    done(mission_in(association, template="event-poster"), hours=10, volunteer=lea)
    client.force_login(lea)
    page = client.get("/").content.decode()
    assert "Valeur de votre engagement : <strong>460 €</strong> (10 heures)" in page


def test_anyone_reads_how_the_value_is_computed(client):
    page = client.get("/impact/").content.decode()
    assert "heures confirmées × prix d’une heure du même travail" in page
    assert "Graphisme" in page and "46 € de l’heure" in page
    assert "320 € ÷ 7 h" in page  # the source of each figure


def test_staff_change_a_rate_and_the_journal_keeps_it(client, staff, martine):
    rate = HourlyRate.objects.get(domain__slug="web")
    address = f"/impact/rates/{rate.pk}/"
    data = {f"rate-{rate.pk}-rate": "70", f"rate-{rate.pk}-source": "490 € ÷ 7 h. Baromètre 2026."}
    client.force_login(martine)
    assert client.get("/impact/rates/").status_code == 403
    assert client.post(address, data).status_code == 403
    client.force_login(staff)
    assert "Prix d’une heure de travail" in client.get("/impact/rates/").content.decode()
    response = client.post(address, data)
    assert response.status_code == 302
    rate.refresh_from_db()
    assert (rate.rate, rate.source, rate.updated_by) == (
        Decimal(70),
        data[f"rate-{rate.pk}-source"],
        staff,
    )
    event = AuditEvent.objects.get(verb="rate.changed")
    assert event.data == {"domain": rate.domain_id, "before": "64.00", "after": "70"}


def test_a_wrong_rate_is_shown_again_with_what_was_typed(client, staff):
    rate = HourlyRate.objects.get(domain__slug="web")
    client.force_login(staff)
    response = client.post(
        f"/impact/rates/{rate.pk}/", {f"rate-{rate.pk}-rate": "-3", f"rate-{rate.pk}-source": ""}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="-3"' in page
    rate.refresh_from_db()
    assert rate.rate == 64


def test_staff_find_the_rates_from_the_public_page(client, staff, martine):
    client.force_login(martine)
    assert 'href="/impact/rates/"' not in client.get("/impact/").content.decode()
    client.force_login(staff)
    assert 'href="/impact/rates/"' in client.get("/impact/").content.decode()
