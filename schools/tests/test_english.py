"""The schools' pages are complete in English: a teacher or a student who chose English
meets no French sentence (the school's and cohort's names apart: they are data)."""

from django.urls import reverse

from core.tests.test_english import french_left, main_text
from notifications.models import Notification
from schools.models import CohortMembership


def test_the_schools_pages_have_no_french_left_in_english(client, sophie, ines, cohort):
    cohort.name, cohort.programme = "Master 1 Graphic design", "Graphic design"
    cohort.save()
    for person in (sophie, ines):
        person.language = "en"
        person.save(update_fields=["language"])
    place = CohortMembership.objects.get(student=ines)
    data = [cohort.school.name, cohort.name, cohort.programme, "Inès Moreau", "Sophie Bernard"]
    pages = [
        (sophie, reverse("schools:mine")),
        (sophie, reverse("schools:cohort", args=[cohort.pk])),
        (sophie, reverse("schools:cohort_edit", args=[cohort.pk])),
        (sophie, reverse("schools:cohort_create", args=[cohort.school.slug])),
        (sophie, reverse("schools:student_remove", args=[cohort.pk, place.pk])),
        (ines, reverse("schools:mine")),
        (ines, reverse("schools:leave", args=[cohort.pk])),
        (ines, reverse("schools:join_by_code") + "?code=12"),
        (ines, reverse("schools:join", args=[cohort.code])),
        (None, reverse("schools:join", args=[cohort.code])),
    ]
    problems = []
    for person, url in pages:
        client.logout()
        if person is None:
            client.cookies["django_language"] = "en"
        else:
            client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="en"' in response.text, url
        problems += [f"{url}: {find}" for find in french_left(main_text(response.text), data)]
    assert not problems, "\n".join(problems)


def test_the_curation_pages_have_no_french_left_in_english(
    client, sophie, ines, cohort, martine, association
):
    from datetime import timedelta

    from django.utils import timezone

    from geo.models import Departement
    from missions.tests.factories import MissionFactory
    from schools import services
    from volunteers.tests.factories import VolunteerProfileFactory

    cohort.name, cohort.programme = "Master 1 Graphic design", "Graphic design"
    cohort.save()
    for person in (sophie, ines, martine):
        person.language = "en"
        person.save(update_fields=["language"])
    VolunteerProfileFactory(user=ines)
    chosen = MissionFactory(organization=association, title="A poster for the party")
    proposed = MissionFactory(organization=association, title="A logo for the choir")
    MissionFactory(organization=association, title="A website for the garden")
    services.mission_pin(cohort=cohort, mission=chosen, by=sophie)
    today = timezone.localdate()
    call = services.call_publish(
        cohort=cohort,
        by=sophie,
        theme="Visual identity",
        description="Logos and posters, in groups of three.",
        starts_on=today,
        ends_on=today + timedelta(days=30),
        departement=Departement.objects.get(pk="75"),
    )
    services.call_propose(call=call, mission=proposed, by=martine)
    data = [
        cohort.school.name,
        cohort.name,
        cohort.programme,
        association.name,
        "Paris",
        "Sophie Bernard",
        "Inès Moreau",
        "Martine Lefèvre",
        "Inès",
        # The mission's own words (the factory's) and the association's description.
        chosen.need,
        *chosen.deliverables.splitlines(),
        association.description,
        # The list of départements is data: their names are the same in English.
        *Departement.objects.values_list("name", flat=True),
    ]
    pages = [
        (sophie, reverse("schools:cohort", args=[cohort.pk])),
        (sophie, reverse("schools:call_create", args=[cohort.pk])),
        (sophie, reverse("schools:call", args=[call.pk])),
        (sophie, reverse("missions:detail", args=[proposed.pk])),
        (ines, reverse("matching:missions_for_you")),
        (ines, reverse("core:home")),
        (martine, reverse("core:home")),
        (martine, reverse("schools:call_propose", args=[call.pk])),
    ]
    problems = []
    for person, url in pages:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, url
        problems += [f"{url}: {find}" for find in french_left(main_text(response.text), data)]
    assert not problems, "\n".join(problems)


def test_the_class_project_pages_have_no_french_left_in_english(
    client, sophie, ines, cohort, martine, association
):
    from engagements.tests.factories import MissionFactory
    from schools import services

    cohort.name, cohort.programme = "Master 1 Graphic design", "Graphic design"
    cohort.save()
    mission = MissionFactory(organization=association, title="A logo", team_size=2)
    accepted_for = MissionFactory(organization=association, title="A poster", team_size=2)
    for person in (sophie, ines, martine):
        person.language = "en"
        person.save(update_fields=["language"])
    proposed = services.class_project_propose(
        cohort=cohort, mission=mission, by=sophie, name="Logo", roles={ines: "art"}, lead=ines
    )
    accepted = services.class_project_propose(
        cohort=cohort,
        mission=accepted_for,
        by=sophie,
        name="Poster",
        roles={ines: "art"},
        lead=ines,
    )
    services.class_project_accept(project=accepted, by=martine)
    data = [
        cohort.school.name,
        cohort.name,
        association.name,
        "Inès Moreau",
        "Sophie Bernard",
        "Martine Lefèvre",
        mission.need,
        *mission.deliverables.splitlines(),
        "art",
    ]
    pages = [
        (sophie, reverse("schools:project_propose", args=[cohort.pk, mission.pk])),
        (sophie, proposed.get_absolute_url()),
        (martine, proposed.get_absolute_url()),
        (martine, reverse("engagements:applicants", args=[mission.pk])),
        (sophie, accepted.get_absolute_url()),
        (ines, accepted.get_absolute_url()),
        (ines, reverse("engagements:agreement", args=[accepted.agreement.application_id])),
    ]
    problems = []
    for person, url in pages:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, url
        problems += [f"{url}: {find}" for find in french_left(main_text(response.text), data)]
    notes = Notification.objects.filter(kind__startswith="class_project", user__language="en")
    for note in notes:
        problems += [f"{note.kind}: {find}" for find in french_left(note.title + note.body, data)]
    assert not problems, "\n".join(problems)
