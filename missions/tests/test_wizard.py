"""Describing a need: choose a template, three short screens, send."""

import datetime

from django.urls import reverse
from django.utils import timezone

from geo.models import Commune
from missions.forms import STEP_FORMS
from missions.models import Mission, MissionEvent, MissionTemplate, Status
from missions.tests.factories import DraftFactory
from organizations.tests.factories import AssociationFactory, MembershipFactory
from taxonomy.models import Level, Skill


def in_days(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def choose(client, template: str = "logo-visual-identity", **extra):
    return client.post(reverse("missions:new"), {"template": template, **extra})


def test_the_template_page_shows_every_template_grouped_by_domain(client, martine, association):
    client.force_login(martine)

    response = client.get(reverse("missions:new"))

    assert response.status_code == 200
    for template in MissionTemplate.objects.all():
        assert template.title_fr in response.text
    assert "Graphisme" in response.text and "Données et bureautique" in response.text
    assert "Partir d’une page blanche" in response.text
    # One association: no question about which one.
    assert "Pour quelle association" not in response.text


def test_choosing_a_template_creates_a_draft_filled_from_it(client, martine, association):
    client.force_login(martine)

    response = choose(client, "logo-visual-identity")

    mission = Mission.objects.get()
    assert response.url == reverse("missions:wizard", args=[mission.pk, 1])
    template = MissionTemplate.objects.get(slug="logo-visual-identity")
    assert mission.status == Status.DRAFT
    assert mission.organization == association
    assert mission.created_by == martine
    assert mission.title == "Logo et couleurs de l’association"
    assert mission.deliverables == template.deliverables_fr
    assert mission.need == ""  # the template's example is help, not an answer
    assert mission.effort_hours == (template.effort_min + template.effort_max) // 2
    # The template also names software (Suite Adobe): that is for volunteers, not asked here.
    assert set(mission.required_skills.values_list("skill__slug", flat=True)) == {
        "logo",
        "illustration",
    }
    # A first end date, so that nothing is left to fill in on the last screen.
    assert mission.end_date == timezone.localdate() + datetime.timedelta(days=60)


def test_the_example_need_is_shown_as_help_on_the_first_screen(client, martine, association):
    client.force_login(martine)
    choose(client, "event-poster")
    mission = Mission.objects.get()

    response = client.get(reverse("missions:wizard", args=[mission.pk, 1]))

    assert "fête de quartier le 14 juin" in response.text
    assert 'value="Affiche et tract pour un événement"' in response.text


def test_a_blank_page_starts_an_empty_draft(client, martine, association):
    client.force_login(martine)

    choose(client, "")

    mission = Mission.objects.get()
    assert mission.template is None
    assert mission.title == ""
    assert not mission.required_skills.exists()


def test_a_novice_goes_from_template_to_published_mission_in_two_screens(
    client, martine, association
):
    association.commune = Commune.objects.get(insee="69123")
    association.save(update_fields=["commune"])
    client.force_login(martine)
    choose(client, "logo-visual-identity")
    mission = Mission.objects.get()
    screens = 0

    response = client.post(
        reverse("missions:wizard", args=[mission.pk, 1]),
        {
            "title": "Un logo pour les Jardins",
            "need": "Notre jardin partagé n’a pas de logo.",
            "deliverables": "Un logo en couleur\nLes fichiers pour l’imprimeur",
            "action": "next",
        },
    )
    screens += 1
    # The template said who and how much: the second screen is skipped, not hidden.
    assert response.url == reverse("missions:wizard", args=[mission.pk, 3])
    mission.refresh_from_db()
    assert mission.need == "Notre jardin partagé n’a pas de logo."  # saved at once
    assert mission.wizard_step == 2

    last = client.get(response.url)
    assert "Modifier les compétences, le temps ou l’équipe" in last.text
    assert "Logo et couleurs de l’association (identité visuelle) — j’apprends" in last.text
    # Everything is filled in already, the association's commune included.
    assert f'value="{in_days(60)}"' in last.text
    assert 'value="Lyon (69001)"' in last.text

    response = client.post(
        reverse("missions:wizard", args=[mission.pk, 3]),
        {
            "end_date": in_days(60),
            "work_mode": "remote",
            "licence": "free_use",
            "action": "submit",
        },
        follow=True,
    )
    screens += 1

    mission.refresh_from_db()
    assert screens <= 3
    assert mission.status == Status.OPEN  # Martine's association is verified
    assert mission.published_at is not None
    assert mission.end_date == timezone.localdate() + datetime.timedelta(days=60)
    assert response.redirect_chain[-1][0] == reverse("missions:detail", args=[mission.pk])
    assert "Votre mission est en ligne" in response.text


def test_the_second_screen_sets_the_skills_and_their_levels(client, martine, association):
    client.force_login(martine)
    choose(client, "")  # a blank page: nothing says who and how much
    mission = Mission.objects.get()
    logo = Skill.objects.get(slug="logo")

    response = client.post(
        reverse("missions:wizard", args=[mission.pk, 1]),
        {"title": "Un logo", "need": "Pas de logo.", "deliverables": "Un logo", "action": "next"},
    )
    assert response.url == reverse("missions:wizard", args=[mission.pk, 2])
    page = client.get(response.url)
    assert "Figma" not in page.text and "Canva" not in page.text  # software is for volunteers

    response = client.post(
        reverse("missions:wizard", args=[mission.pk, 2]),
        {
            "skills": [logo.pk],
            f"skills_level_{logo.pk}": Level.COMFORTABLE,
            "effort_hours": 20,
            "team_size": 1,
            "action": "next",
        },
    )

    assert response.url == reverse("missions:wizard", args=[mission.pk, 3])
    mission.refresh_from_db()
    assert mission.wizard_step == 2
    assert list(mission.required_skills.values_list("skill__slug", "min_level")) == [
        ("logo", Level.COMFORTABLE)
    ]


def test_an_on_site_mission_takes_the_association_commune(client, martine, association):
    association.commune = Commune.objects.get(insee="69123")
    association.save(update_fields=["commune"])
    client.force_login(martine)

    choose(client, "digital-workshop")

    mission = Mission.objects.get()
    assert mission.work_mode != "remote"
    assert mission.commune_id == "69123"
    assert mission.departement_code == "69"


def test_the_simplest_mission_asks_ten_questions_at_most():
    # The simplest case is a remote mission: the commune is only asked for on-site work.
    questions = [
        name for form in STEP_FORMS.values() for name in form.base_fields if name != "commune"
    ]

    assert len(STEP_FORMS) == 3
    assert len(questions) <= 10


def test_every_question_has_a_label_and_a_help_text_with_an_example(db):
    template = MissionTemplate.objects.first()
    for form_class in STEP_FORMS.values():
        kwargs = {"template": template} if form_class is not STEP_FORMS[3] else {}
        form = form_class(**kwargs)
        for name, field in form.fields.items():
            assert field.label, name
            assert "exemple" in str(field.help_text).lower(), name


def test_an_error_keeps_what_was_typed_and_saves_nothing(client, martine, draft):
    client.force_login(martine)

    response = client.post(
        reverse("missions:wizard", args=[draft.pk, 1]),
        {"title": "", "need": "Un besoin écrit avec soin", "deliverables": "Un logo"},
    )

    assert response.status_code == 200
    assert "Un besoin écrit avec soin" in response.text
    assert "Donnez un titre à votre mission" in response.text
    draft.refresh_from_db()
    assert draft.need != "Un besoin écrit avec soin"
    assert draft.wizard_step == 0


def test_checked_skills_and_their_levels_survive_an_error(client, martine, draft):
    client.force_login(martine)
    photo = Skill.objects.get(slug="photography")

    response = client.post(
        reverse("missions:wizard", args=[draft.pk, 2]),
        {"skills": [photo.pk], f"skills_level_{photo.pk}": "3", "team_size": "1"},
    )

    assert response.status_code == 200
    assert f'value="{photo.pk}" id="id_skills_{photo.pk}" checked' in response.text
    assert '<option value="3" selected>' in response.text


def test_continuing_later_keeps_what_was_filled_in_even_with_blanks(client, martine, draft):
    client.force_login(martine)

    response = client.post(
        reverse("missions:wizard", args=[draft.pk, 1]),
        {"title": "", "need": "Un début de besoin", "deliverables": "", "action": "later"},
    )

    assert response.url == reverse("missions:mine")
    draft.refresh_from_db()
    assert draft.need == "Un début de besoin"
    assert draft.title != ""  # the blank did not erase the title
    assert draft.wizard_step == 0  # the screen is not finished yet


def test_continuing_later_with_a_wrong_value_shows_it_again(client, martine, draft):
    client.force_login(martine)

    response = client.post(
        reverse("missions:wizard", args=[draft.pk, 2]),
        {"effort_hours": "beaucoup", "team_size": "1", "action": "later"},
    )

    assert response.status_code == 200
    assert 'value="beaucoup"' in response.text


def test_an_end_date_in_the_past_is_refused(client, martine, draft):
    client.force_login(martine)

    response = client.post(
        reverse("missions:wizard", args=[draft.pk, 3]),
        {"end_date": in_days(-1), "work_mode": "remote", "licence": "free_use"},
    )

    assert "déjà passée" in response.text


def test_an_on_site_mission_needs_its_commune_and_takes_its_territory(client, martine, draft):
    client.force_login(martine)
    url = reverse("missions:wizard", args=[draft.pk, 3])
    data = {"end_date": in_days(30), "work_mode": "onsite", "licence": "free_use"}

    response = client.post(url, data)
    assert "Indiquez la commune" in response.text

    client.post(url, {**data, "commune": "69003", "action": "later"})

    draft.refresh_from_db()
    assert draft.commune.name.startswith("Lyon")
    assert draft.departement_code == "69"
    assert draft.region_code == "84"


def test_a_remote_mission_forgets_the_commune_and_keeps_its_associations_territory(
    client, martine, draft
):
    client.force_login(martine)

    client.post(
        reverse("missions:wizard", args=[draft.pk, 3]),
        {
            "end_date": in_days(30),
            "work_mode": "remote",
            "commune": "69003",
            "licence": "free_use",
            "action": "later",
        },
    )

    draft.refresh_from_db()
    assert draft.commune is None
    assert draft.departement_code == "75"


def test_a_mission_missing_a_screen_is_not_sent(client, martine, association):
    client.force_login(martine)
    draft = DraftFactory(organization=association, skills=[])

    response = client.post(
        reverse("missions:wizard", args=[draft.pk, 3]),
        {"end_date": in_days(30), "work_mode": "remote", "licence": "free_use", "action": "submit"},
    )

    assert response.url == reverse("missions:wizard", args=[draft.pk, 2])
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_member_of_several_associations_says_which_one(client, martine, association):
    other = AssociationFactory(name="Chorale du Lac")
    MembershipFactory(organization=other, user=martine)
    client.force_login(martine)

    assert "Pour quelle association" in client.get(reverse("missions:new")).text
    response = choose(client, "newsletter")
    assert response.status_code == 200
    assert "Choisissez l’association" in response.text
    assert not Mission.objects.exists()

    choose(client, "newsletter", organization=other.pk)

    assert Mission.objects.get().organization == other


def test_one_cannot_create_a_mission_for_an_association_one_is_not_in(client, martine, bruno):
    MembershipFactory(organization=AssociationFactory(), user=martine)
    MembershipFactory(organization=AssociationFactory(), user=martine)
    bruno_association = bruno.memberships.get().organization
    client.force_login(martine)

    response = choose(client, "newsletter", organization=bruno_association.pk)

    assert response.status_code == 200
    assert not Mission.objects.exists()


def test_without_an_association_one_is_sent_to_create_it(client, lea):
    client.force_login(lea)

    response = client.get(reverse("missions:new"), follow=True)

    assert response.redirect_chain[0][0] == reverse("organizations:create")
    assert "inscrivez d’abord votre association" in response.text


def test_editing_a_submitted_mission_sends_it_back_to_draft(client, yacine, submitted):
    client.force_login(yacine)

    response = client.get(reverse("missions:wizard", args=[submitted.pk, 1]))
    assert "repassera en brouillon" in response.text
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED  # looking changes nothing

    client.post(
        reverse("missions:wizard", args=[submitted.pk, 1]),
        {"title": "Nouveau titre", "need": "Mieux expliqué", "deliverables": "Un logo"},
    )

    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    assert submitted.title == "Nouveau titre"
    event = MissionEvent.objects.get(mission=submitted)
    assert (event.from_status, event.to_status, event.by) == ("submitted", "draft", yacine)


def test_a_published_mission_can_no_longer_go_through_the_wizard(client, martine, mission):
    client.force_login(martine)

    response = client.post(
        reverse("missions:wizard", args=[mission.pk, 1]),
        {"title": "Changé", "need": "Changé", "deliverables": "Changé"},
    )

    assert response.url == reverse("missions:detail", args=[mission.pk])
    mission.refresh_from_db()
    assert mission.title != "Changé"


def test_a_draft_reopens_on_the_screen_after_the_last_one_finished(client, martine, association):
    draft = DraftFactory(organization=association, wizard_step=1, title="Affiche du loto")
    client.force_login(martine)

    response = client.get(reverse("missions:mine"))

    assert reverse("missions:wizard", args=[draft.pk, 2]) in response.text


def test_a_step_that_does_not_exist_is_not_found(client, martine, draft):
    client.force_login(martine)

    assert client.get(reverse("missions:wizard", args=[draft.pk, 4])).status_code == 404
