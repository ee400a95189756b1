"""The schools' pages are complete in English: a teacher or a student who chose English
meets no French sentence (the school's and cohort's names apart: they are data)."""

from django.urls import reverse

from core.tests.test_english import french_left, main_text
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
