"""Curation: a teacher chooses missions for her cohort (its students see them first) and
asks the associations of an area for missions (« appel à missions »)."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from missions.models import Status
from missions.tests.factories import MissionFactory
from notifications.models import Notification
from organizations.models import Organization
from schools import services
from schools.models import CallForNeeds, CallResponse, PinnedMission
from taxonomy.models import Level, Skill
from volunteers.tests.factories import VolunteerProfileFactory


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def designer(user):
    return VolunteerProfileFactory(user=user, hours_per_week=5, skills={"logo": Level.EXPERT})


def call_data(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "theme": "Identité visuelle et communication imprimée",
        "description": "Refaire le logo et les affiches d’une association, en groupes de trois.",
        "skills": [Skill.objects.get(slug="logo").pk],
        "starts_on": (today + timedelta(days=10)).isoformat(),
        "ends_on": (today + timedelta(days=60)).isoformat(),
        "departement": "75",
    }
    data.update(overrides)
    return data


def publish(cohort, by, **overrides) -> CallForNeeds:
    today = timezone.localdate()
    fields = {
        "theme": "Identité visuelle",
        "starts_on": today,
        "ends_on": today + timedelta(days=30),
        "departement_id": "75",
    }
    fields.update(overrides)
    departement = fields.pop("departement_id")
    from geo.models import Departement

    return services.call_publish(
        cohort=cohort, by=by, departement=Departement.objects.get(pk=departement), **fields
    )


# --- Pinned missions --------------------------------------------------------------------------
def test_a_teacher_pins_a_mission_from_its_page_and_unpins_it_from_the_cohort_page(
    client, sophie, cohort, association
):
    mission = MissionFactory(organization=association, title="Une affiche pour la fête")
    client.force_login(sophie)
    page = client.get(reverse("missions:detail", args=[mission.pk]))
    assert "Choisir pour mes élèves" in page.text

    response = client.post(
        reverse("schools:mission_pin", args=[mission.pk]),
        {"cohort": cohort.pk, "next": reverse("missions:detail", args=[mission.pk])},
    )

    assert response.status_code == 302
    assert response.url == reverse("missions:detail", args=[mission.pk])
    assert PinnedMission.objects.filter(cohort=cohort, mission=mission).exists()
    assert "Choisie pour « Master 1 Design graphique »" in text_of(client.get(response.url))
    cohort_page = text_of(client.get(cohort.get_absolute_url()))
    assert "Une affiche pour la fête" in cohort_page

    response = client.post(reverse("schools:mission_unpin", args=[cohort.pk, mission.pk]))

    assert response.url == cohort.get_absolute_url()
    assert not PinnedMission.objects.exists()
    verbs = list(AuditEvent.objects.order_by("pk").values_list("verb", "data"))
    assert verbs[-2:] == [
        ("cohort.mission_pinned", {"mission": mission.pk}),
        ("cohort.mission_unpinned", {"mission": mission.pk}),
    ]


def test_the_pin_form_is_shown_to_teachers_only(client, lea, martine, cohort, association):
    mission = MissionFactory(organization=association)
    for user in (lea, martine):
        client.force_login(user)
        assert (
            "Choisir pour mes élèves"
            not in client.get(reverse("missions:detail", args=[mission.pk])).text
        )


def test_only_an_open_mission_can_be_pinned(client, sophie, cohort, association):
    draft = MissionFactory(organization=association, status=Status.COMPLETED)
    client.force_login(sophie)

    client.post(reverse("schools:mission_pin", args=[draft.pk]), {"cohort": cohort.pk})

    assert not PinnedMission.objects.exists()


def test_students_see_the_missions_their_teacher_chose_first(
    client, sophie, cohort, ines, association
):
    designer(ines)
    ranked = MissionFactory(organization=association, title="Un logo pour le club", skills=["logo"])
    # Not among her skills: the engine would not suggest it, her teacher chose it.
    chosen = MissionFactory(
        organization=association, title="Un site pour la chorale", skills=["web-development"]
    )
    also_ranked = MissionFactory(organization=association, title="Un logo choisi", skills=["logo"])
    services.mission_pin(cohort=cohort, mission=chosen, by=sophie)
    services.mission_pin(cohort=cohort, mission=also_ranked, by=sophie)
    client.force_login(ines)

    text = text_of(client.get(reverse("matching:missions_for_you")))

    section = text.index("Choisies par votre enseignant·e")
    assert section < text.index("Un site pour la chorale") < text.index("Un logo pour le club")
    assert section < text.index("Un logo choisi") < text.index("Un logo pour le club")
    assert text.count("Un logo choisi") == 1  # not twice: once chosen, out of the ranking
    assert ranked.title in text
    # Her dashboard says it too.
    home = text_of(client.get(reverse("core:home")))
    assert "Choisies par votre enseignant·e" in home
    assert "Un site pour la chorale" in home


def test_a_chosen_mission_that_closes_drops_out_of_the_students_list(
    client, sophie, cohort, ines, association
):
    designer(ines)
    mission = MissionFactory(organization=association, title="Un site pour la chorale")
    services.mission_pin(cohort=cohort, mission=mission, by=sophie)
    client.force_login(ines)
    assert "Un site pour la chorale" in client.get(reverse("matching:missions_for_you")).text

    mission.status = Status.IN_PROGRESS
    mission.save(update_fields=["status"])

    assert "Un site pour la chorale" not in client.get(reverse("matching:missions_for_you")).text
    assert "Choisies par votre enseignant·e" not in client.get(reverse("core:home")).text
    # The teacher still sees it, marked as no longer shown, to unpin it.
    client.force_login(sophie)
    assert "plus montrée aux élèves" in text_of(client.get(cohort.get_absolute_url()))


def test_a_student_who_left_the_cohort_no_longer_sees_its_choices(
    client, sophie, cohort, ines, association
):
    mission = MissionFactory(organization=association, title="Un site pour la chorale")
    services.mission_pin(cohort=cohort, mission=mission, by=sophie)
    services.cohort_leave(membership=ines.cohort_memberships.get(), by=ines)
    client.force_login(ines)

    assert "Un site pour la chorale" not in client.get(reverse("matching:missions_for_you")).text


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_cohort_page_and_missions_for_you_cost_the_same_with_3_or_15_choices(
    client, sophie, cohort, ines, association
):
    designer(ines)
    # Twenty missions suit her: some stay in the ranked list whatever is chosen.
    missions = [MissionFactory(organization=association) for _ in range(20)]
    for mission in missions[:3]:
        services.mission_pin(cohort=cohort, mission=mission, by=sophie)
    client.force_login(sophie)
    cohort_with_3 = _queries(client, cohort.get_absolute_url())
    client.force_login(ines)
    _queries(client, reverse("matching:missions_for_you"))  # the ranking, kept afterwards
    for_you_with_3 = _queries(client, reverse("matching:missions_for_you"))

    for mission in missions[3:15]:
        services.mission_pin(cohort=cohort, mission=mission, by=sophie)

    client.force_login(sophie)
    assert _queries(client, cohort.get_absolute_url()) == cohort_with_3
    client.force_login(ines)
    assert _queries(client, reverse("matching:missions_for_you")) == for_you_with_3


# --- Calls for needs --------------------------------------------------------------------------
def test_a_teacher_publishes_a_call_seen_by_the_associations_of_its_area_only(
    client, sophie, cohort, martine, association, bruno
):
    Organization.objects.filter(memberships__user=bruno).update(departement_code="69")
    client.force_login(sophie)
    form = client.get(reverse("schools:call_create", args=[cohort.pk]))
    # The school's département is offered first.
    assert re.search(r'<option value="44" selected>', form.text)

    response = client.post(reverse("schools:call_create", args=[cohort.pk]), call_data())

    call = CallForNeeds.objects.get()
    assert response.url == reverse("schools:call", args=[call.pk])
    assert call.departement_id == "75" and call.cohort == cohort
    assert [s.slug for s in call.skills.all()] == ["logo"]
    assert AuditEvent.objects.filter(verb="call.published").exists()
    client.force_login(martine)
    home = text_of(client.get(reverse("core:home")))
    assert "Identité visuelle et communication imprimée" in home
    assert reverse("schools:call_propose", args=[call.pk]) in client.get("/").text
    client.force_login(bruno)
    assert "Identité visuelle" not in client.get(reverse("core:home")).text
    assert client.get(reverse("schools:call_propose", args=[call.pk])).status_code == 404


def test_a_call_cannot_end_before_it_starts(client, sophie, cohort):
    client.force_login(sophie)
    today = timezone.localdate()

    response = client.post(
        reverse("schools:call_create", args=[cohort.pk]),
        call_data(starts_on=(today + timedelta(days=9)).isoformat(), ends_on=today.isoformat()),
    )

    assert response.status_code == 200
    assert "La date de fin vient avant la date de début." in response.text
    assert not CallForNeeds.objects.exists()


def test_an_association_proposes_a_mission_and_the_teacher_pins_it(
    client, sophie, cohort, martine, association
):
    call = publish(cohort, sophie)
    draft = MissionFactory(organization=association, title="Un logo, en brouillon", status="draft")
    mission = MissionFactory(organization=association, title="Des affiches pour la fête")
    client.force_login(martine)
    page = client.get(reverse("schools:call_propose", args=[call.pk]))
    assert "Un logo, en brouillon" in page.text and "Des affiches pour la fête" in page.text

    response = client.post(reverse("schools:call_propose", args=[call.pk]), {"mission": mission.pk})

    assert response.status_code == 302
    assert CallResponse.objects.filter(call=call, mission=mission, proposed_by=martine).exists()
    assert AuditEvent.objects.filter(verb="call.mission_proposed").exists()
    # Sophie, who follows the cohort, is told.
    [notification] = Notification.objects.filter(user=sophie)
    assert notification.title == "Une mission proposée pour votre appel « Identité visuelle »"
    assert notification.url == reverse("schools:call", args=[call.pk])
    client.post(reverse("schools:call_propose", args=[call.pk]), {"mission": draft.pk})
    client.force_login(sophie)
    text = text_of(client.get(reverse("schools:call", args=[call.pk])))
    assert "2 missions proposées" in text
    assert "Des affiches pour la fête" in text and "Un logo, en brouillon" in text

    response = client.post(
        reverse("schools:mission_pin", args=[mission.pk]),
        {"cohort": cohort.pk, "next": reverse("schools:call", args=[call.pk])},
    )

    assert response.url == reverse("schools:call", args=[call.pk])
    assert PinnedMission.objects.filter(cohort=cohort, mission=mission).exists()
    assert "choisie pour la promotion" in text_of(client.get(response.url))


def test_an_association_cannot_propose_another_associations_mission(
    client, sophie, cohort, martine, association, bruno
):
    call = publish(cohort, sophie)
    other = MissionFactory(organization=bruno.memberships.get().organization)
    client.force_login(martine)

    response = client.post(reverse("schools:call_propose", args=[call.pk]), {"mission": other.pk})

    assert response.status_code == 200  # the form says the choice is not valid
    assert not CallResponse.objects.exists()


def test_a_call_closes_after_its_end_date_or_when_the_teacher_closes_it(
    client, sophie, cohort, martine, association
):
    past = publish(cohort, sophie, theme="Un appel passé")
    CallForNeeds.objects.filter(pk=past.pk).update(ends_on=timezone.localdate() - timedelta(days=1))
    current = publish(cohort, sophie, theme="Un appel en cours")
    client.force_login(martine)
    home = client.get(reverse("core:home")).text
    assert "Un appel en cours" in home and "Un appel passé" not in home
    assert client.get(reverse("schools:call_propose", args=[past.pk])).status_code == 404

    client.force_login(sophie)
    response = client.post(reverse("schools:call_close", args=[current.pk]))

    assert response.url == reverse("schools:call", args=[current.pk])
    current.refresh_from_db()
    assert current.status == CallForNeeds.Status.CLOSED
    assert AuditEvent.objects.filter(verb="call.closed").exists()
    client.force_login(martine)
    assert "Un appel en cours" not in client.get(reverse("core:home")).text
    assert client.get(reverse("schools:call_propose", args=[current.pk])).status_code == 404


# --- Permissions ------------------------------------------------------------------------------
def test_only_the_schools_members_manage_choices_and_calls(
    client, sophie, paul, lea, martine, cohort, association
):
    mission = MissionFactory(organization=association)
    services.mission_pin(cohort=cohort, mission=mission, by=sophie)
    call = publish(cohort, sophie)
    for outsider in (paul, lea, martine):
        client.force_login(outsider)
        assert (
            client.post(
                reverse("schools:mission_pin", args=[mission.pk]), {"cohort": cohort.pk}
            ).status_code
            == 404
        )
        assert (
            client.post(reverse("schools:mission_unpin", args=[cohort.pk, mission.pk])).status_code
            == 404
        )
        assert client.get(reverse("schools:call_create", args=[cohort.pk])).status_code == 404
        assert client.get(reverse("schools:call", args=[call.pk])).status_code == 404
        assert client.post(reverse("schools:call_close", args=[call.pk])).status_code == 404
    assert PinnedMission.objects.count() == 1
    call.refresh_from_db()
    assert call.status == CallForNeeds.Status.OPEN
