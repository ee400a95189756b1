"""The profile form: one screen, skills with levels without JavaScript, nothing lost on errors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from taxonomy.models import Cause, Level, Skill, SkillDomain
from volunteers.models import VolunteerProfile, VolunteerSkill

from .factories import VolunteerProfileFactory

URL = reverse("volunteers:edit")


def skill(slug: str) -> Skill:
    return Skill.objects.get(slug=slug)


def field(slug: str) -> str:
    return f"skill_{skill(slug).pk}"


def cause_ids(*slugs: str) -> list[str]:
    return [str(pk) for pk in Cause.objects.filter(slug__in=slugs).values_list("pk", flat=True)]


def form_data(**overrides) -> dict:
    year = timezone.localdate().year
    data = {
        "kind": "student",
        "school_name": "École de design de Nantes",
        "programme": "Design graphique",
        "graduation_year": str(year + 1),
        "company_name": "",
        "hours_per_week": "6",
        "available_from": "",
        "available_until": "",
        "work_mode": "both",
        "commune": "Nantes",
        "causes": cause_ids("culture", "environment"),
        "bio": "J’aime créer des affiches pour les associations de mon quartier.",
        "portfolio_links": "https://www.behance.net/lea-martin",
        "is_public": "",
        field("figma"): "3",
        field("logo"): "2",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_shows_every_skill_grouped_by_domain_in_folding_fieldsets(client, lea):
    client.force_login(lea)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<details") == SkillDomain.objects.count() == 7
    for one in Skill.objects.all():
        assert f'name="skill_{one.pk}"' in html
    assert html.count('type="radio" name="skill_') == 4 * Skill.objects.count()
    for label in ["j’apprends", "à l’aise", "expert·e"]:
        assert label in html
    # Nothing chosen yet: every domain starts folded, the "—" choice is selected.
    assert '<details class="vol-domain" open' not in html
    assert f'name="{field("figma")}" value="" id="id_{field("figma")}_0" checked' in html


def test_a_first_save_creates_the_profile_and_goes_to_the_dashboard(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data())
    assert response.status_code == 302
    assert response.url == reverse("core:home")
    profile = VolunteerProfile.objects.get(user=lea)
    assert profile.school_name == "École de design de Nantes"
    assert profile.hours_per_week == 6
    assert profile.commune_id == "44109"
    assert (profile.departement_code, profile.region_code) == ("44", "52")
    assert set(profile.causes.values_list("slug", flat=True)) == {"culture", "environment"}
    assert profile.link_list == ["https://www.behance.net/lea-martin"]
    levels = dict(profile.skills.values_list("skill__slug", "level"))
    assert levels == {"figma": Level.EXPERT, "logo": Level.COMFORTABLE}
    page = client.get(response.url)
    assert "Votre profil de bénévole est enregistré" in page.content.decode()


def test_a_later_save_replaces_the_skills_and_stays_on_the_form(client, lea):
    client.force_login(lea)
    client.post(URL, form_data())
    response = client.post(
        URL,
        form_data(**{field("figma"): "", field("logo"): "3", field("wordpress"): "1"}),
    )
    assert response.status_code == 302
    assert response.url == URL
    profile = VolunteerProfile.objects.get(user=lea)
    assert dict(profile.skills.values_list("skill__slug", "level")) == {
        "logo": Level.EXPERT,
        "wordpress": Level.LEARNING,
    }
    assert VolunteerSkill.objects.count() == 2
    assert "Vos modifications sont enregistrées" in client.get(URL).content.decode()


def test_the_form_opens_with_the_saved_profile_and_its_levels(client, lea):
    VolunteerProfileFactory(
        user=lea, causes=["culture"], skills={"figma": Level.EXPERT}, commune_id="44109"
    )
    client.force_login(lea)
    html = client.get(URL).content.decode()
    assert 'value="École de design de Nantes"' in html
    assert 'value="Nantes (44000)"' in html
    assert f'name="{field("figma")}" value="3" id="id_{field("figma")}_3" checked' in html
    # The domain holding a chosen skill is open, and says how many are chosen.
    assert '<details class="vol-domain" open' in html
    assert "1 compétence choisie" in html


def test_errors_keep_everything_typed_including_skill_levels(client, lea):
    client.force_login(lea)
    data = form_data(hours_per_week="0", bio="Mon texte à moi", is_public="on")
    data[field("video-editing")] = "1"
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Indiquez au moins 1 heure par semaine." in html
    assert "Mon texte à moi" in html
    assert 'value="École de design de Nantes"' in html
    assert (
        'name="is_public" aria-describedby="id_is_public_helptext" id="id_is_public" checked'
        in (html)
    )
    assert f'name="{field("figma")}" value="3" id="id_{field("figma")}_3" checked' in html
    assert (
        f'name="{field("video-editing")}" value="1" id="id_{field("video-editing")}_1" checked'
        in (html)
    )
    culture = Cause.objects.get(slug="culture").pk
    assert f'value="{culture}" id="id_causes_' in html
    assert html.count("checked") >= 1 + 1 + 2 + 2 + 1  # kind, work mode, 2 skills, 2 causes, public
    assert not VolunteerProfile.objects.filter(user=lea).exists()


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("school_name", "Indiquez le nom de votre école ou université."),
        ("programme", "Indiquez votre formation, par exemple Design graphique."),
    ],
)
def test_a_student_must_give_school_and_programme(client, lea, missing, message):
    client.force_login(lea)
    response = client.post(URL, form_data(**{missing: ""}))
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_professional_needs_no_school_and_keeps_none(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data(kind="professional", programme=""))
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user=lea)
    assert (profile.school_name, profile.programme, profile.graduation_year) == ("", "", None)


def test_a_stale_hidden_school_field_does_not_block_a_professional(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data(kind="professional", graduation_year="1990"))
    assert response.status_code == 302
    assert VolunteerProfile.objects.get(user=lea).graduation_year is None


def test_an_employee_must_name_the_company(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data(kind="employee"))
    assert "Indiquez le nom de votre entreprise." in response.content.decode()
    response = client.post(URL, form_data(kind="employee", company_name="Numérik Solutions"))
    assert response.status_code == 302
    assert VolunteerProfile.objects.get(user=lea).company_name == "Numérik Solutions"


@pytest.mark.parametrize("year_offset", [-3, 12])
def test_the_graduation_year_must_be_sensible(client, lea, year_offset):
    client.force_login(lea)
    year = timezone.localdate().year + year_offset
    response = client.post(URL, form_data(graduation_year=str(year)))
    assert response.status_code == 200
    assert "Indiquez une année entre" in response.content.decode()


def test_the_end_of_availability_cannot_come_before_its_start(client, lea):
    client.force_login(lea)
    today = timezone.localdate()
    response = client.post(
        URL,
        form_data(
            available_from=(today + datetime.timedelta(days=30)).isoformat(),
            available_until=(today + datetime.timedelta(days=10)).isoformat(),
        ),
    )
    assert response.status_code == 200
    assert "La date de fin doit être après la date de début." in response.content.decode()


def test_dates_typed_the_french_way_are_understood(client, lea):
    client.force_login(lea)
    response = client.post(
        URL, form_data(available_from="15/09/2031", available_until="30/06/2032")
    )
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user=lea)
    assert profile.available_from == datetime.date(2031, 9, 15)
    assert profile.available_until == datetime.date(2032, 6, 30)


@pytest.mark.parametrize("hours", ["0", "41", "beaucoup"])
def test_hours_per_week_are_between_1_and_40(client, lea, hours):
    client.force_login(lea)
    response = client.post(URL, form_data(hours_per_week=hours))
    assert response.status_code == 200
    assert not VolunteerProfile.objects.exists()


def test_an_ambiguous_commune_lists_the_candidates(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data(commune="Saint-Denis"))
    html = response.content.decode()
    assert "Plusieurs communes correspondent" in html
    assert "Saint-Denis (93200)" in html
    response = client.post(URL, form_data(commune="Saint-Denis (93200)"))
    assert response.status_code == 302
    assert VolunteerProfile.objects.get(user=lea).departement_code == "93"


def test_an_unknown_commune_is_explained(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data(commune="Trifouilly-les-Oies"))
    assert "Nous ne trouvons pas la commune" in response.content.decode()


def test_a_commune_is_needed_to_help_on_site_but_not_remotely(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data(commune="", work_mode="onsite"))
    assert "Pour aider sur place, indiquez votre commune" in response.content.decode()
    response = client.post(URL, form_data(commune="", work_mode="remote"))
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user=lea)
    assert (profile.commune, profile.departement_code) == (None, "")


def test_portfolio_links_are_checked_and_completed(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data(portfolio_links="pas un lien"))
    assert "n’est pas une adresse web" in response.content.decode()
    response = client.post(
        URL, form_data(portfolio_links="www.behance.net/lea\n\n https://lea.fr/book ")
    )
    assert response.status_code == 302
    assert VolunteerProfile.objects.get(user=lea).link_list == [
        "https://www.behance.net/lea",
        "https://lea.fr/book",
    ]


def test_javascript_links_are_refused(client, lea):
    client.force_login(lea)
    response = client.post(URL, form_data(portfolio_links="javascript:alert(1)"))
    assert response.status_code == 200
    assert not VolunteerProfile.objects.exists()


def test_the_form_costs_the_same_queries_with_many_saved_skills(
    client, lea, django_assert_max_num_queries
):
    profile = VolunteerProfileFactory(user=lea, causes=["culture"], skills={"figma": 3})
    client.force_login(lea)
    with django_assert_max_num_queries(12) as few:
        client.get(URL)
    VolunteerSkill.objects.bulk_create(
        VolunteerSkill(profile=profile, skill=one, level=1)
        for one in Skill.objects.exclude(slug="figma")
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
