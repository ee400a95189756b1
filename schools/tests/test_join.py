"""A student joins her cohort with the code or the link, leaves it; a teacher removes her."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from schools.models import Cohort, CohortMembership
from schools.services import SchoolNotVerified, cohort_join
from volunteers.models import VolunteerProfile
from volunteers.tests.factories import VolunteerProfileFactory


def join_url(cohort: Cohort) -> str:
    return reverse("schools:join", args=[cohort.code])


def verbs(cohort: Cohort) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_id=cohort.pk, content_type__model="cohort")
        .order_by("at", "pk")
        .values_list("verb", flat=True)
    )


def test_a_student_joins_by_the_link_and_her_profile_names_school_and_cohort(client, lea, cohort):
    VolunteerProfileFactory(user=lea, school_name="")
    client.force_login(lea)

    page = client.get(join_url(cohort))
    response = client.post(join_url(cohort))

    assert "Rejoindre la promotion « Master 1 Design graphique »" in page.text
    assert response.status_code == 302
    membership = CohortMembership.objects.get(cohort=cohort, student=lea)
    assert membership.status == "joined"
    assert VolunteerProfile.objects.get(user=lea).school == cohort.school
    profile = client.get(reverse("volunteers:detail", args=[lea.pk])).text
    assert "École de design de Nantes · Master 1 Design graphique" in profile
    dashboard = client.get(reverse("core:home")).text
    assert "École de design de Nantes · Master 1 Design graphique" in dashboard
    assert verbs(cohort) == ["cohort.joined"]
    assert AuditEvent.objects.get(verb="cohort.joined").data == {"user": lea.pk}


def test_a_student_types_the_code_as_she_reads_it(client, lea, cohort):
    client.force_login(lea)
    typed = f" {cohort.code[:3].lower()}-{cohort.code[3:].lower()} "

    response = client.get(reverse("schools:join_by_code"), {"code": typed})

    assert response.status_code == 302
    assert response.url == join_url(cohort)
    client.post(response.url)
    assert CohortMembership.objects.filter(cohort=cohort, student=lea, status="joined").exists()


def test_an_unknown_or_misshapen_code_is_explained_in_the_form(client, lea, cohort):
    client.force_login(lea)
    unknown = "ZZZZZZ" if cohort.code != "ZZZZZZ" else "YYYYYY"

    misshapen = client.get(reverse("schools:join_by_code"), {"code": "12"})
    nobody = client.get(reverse("schools:join_by_code"), {"code": unknown})

    assert "Ce code n’a pas la bonne forme" in misshapen.text
    assert "Aucune promotion n’a ce code" in nobody.text
    assert client.get(reverse("schools:join", args=[unknown])).status_code == 404


def test_joining_creates_a_student_profile_when_she_had_none(client, lea, cohort):
    client.force_login(lea)

    client.post(join_url(cohort))

    profile = VolunteerProfile.objects.get(user=lea)
    assert (profile.kind, profile.school) == ("student", cohort.school)


def test_joining_twice_changes_nothing(client, lea, cohort):
    client.force_login(lea)

    client.post(join_url(cohort))
    client.post(join_url(cohort))

    assert CohortMembership.objects.filter(student=lea).count() == 1
    assert verbs(cohort) == ["cohort.joined"]
    assert "Vous faites déjà partie de cette promotion." in client.get(join_url(cohort)).text


def test_a_new_student_signs_up_from_the_link_and_comes_back_to_join(
    client, commit, cohort, last_link
):
    page = client.get(join_url(cohort))
    assert f"/account/signup/?intent=volunteer&amp;next=/schools/join/{cohort.code}/" in page.text

    commit(
        client.post,
        f"/account/signup/?intent=volunteer&next=/schools/join/{cohort.code}/",
        {
            "full_name": "Nora Petit",
            "email": "nora@example.org",
            "password": "un mot de passe solide 2026",
            "intent": "volunteer",
        },
    )
    back = client.get(last_link("nora@example.org"))

    assert back.status_code == 302
    assert back.url == join_url(cohort)
    client.post(back.url)
    membership = CohortMembership.objects.get(cohort=cohort)
    assert membership.student.email == "nora@example.org"


def test_anonymous_visitors_cannot_join_without_an_account(client, cohort):
    response = client.post(join_url(cohort))

    assert response.status_code == 200
    assert "Créer mon compte" in response.text
    assert not CohortMembership.objects.exists()


def test_a_student_leaves_after_confirming(client, ines, cohort):
    client.force_login(ines)
    url = reverse("schools:leave", args=[cohort.pk])

    page = client.get(url)
    response = client.post(url)

    assert "Quitter « Master 1 Design graphique » ?" in page.text
    assert response.status_code == 302
    membership = CohortMembership.objects.get(student=ines)
    assert (membership.status, membership.ended_by) == ("left", ines)
    assert VolunteerProfile.objects.get(user=ines).school is None
    assert verbs(cohort) == ["cohort.left"]
    # She may come back with the code.
    client.post(join_url(cohort))
    membership.refresh_from_db()
    assert membership.status == "joined"


def test_a_teacher_removes_a_student_who_cannot_come_back_alone(client, sophie, ines, cohort):
    membership = CohortMembership.objects.get(student=ines)
    url = reverse("schools:student_remove", args=[cohort.pk, membership.pk])
    client.force_login(sophie)

    page = client.get(url)
    response = client.post(url)

    assert "Retirer Inès Moreau de la promotion ?" in page.text
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.status, membership.ended_by) == ("removed", sophie)
    assert verbs(cohort) == ["cohort.removed"]
    client.force_login(ines)
    client.post(join_url(cohort))
    membership.refresh_from_db()
    assert membership.status == "removed"
    assert "demandez à votre enseignant·e" in client.get(join_url(cohort)).text
    # The teacher puts her back.
    client.force_login(sophie)
    client.post(reverse("schools:student_readmit", args=[cohort.pk, membership.pk]))
    membership.refresh_from_db()
    assert membership.status == "joined"
    assert verbs(cohort) == ["cohort.removed", "cohort.readmitted"]


def test_a_student_with_an_account_logs_in_from_the_link_and_comes_back(client, lea, cohort):
    from accounts.tests.factories import PASSWORD

    page = client.get(join_url(cohort))
    assert f"/account/login/?next=/schools/join/{cohort.code}/" in page.text

    response = client.post(
        f"/account/login/?next=/schools/join/{cohort.code}/",
        {"email": lea.email, "password": PASSWORD, "next": join_url(cohort)},
    )

    assert response.status_code == 302
    assert response.url == join_url(cohort)
    client.post(response.url)
    assert CohortMembership.objects.filter(cohort=cohort, student=lea, status="joined").exists()


def test_students_join_only_once_moderators_verified_the_school(client, lea, sophie, cohort):
    from organizations.models import Organization

    Organization.objects.filter(pk=cohort.school_id).update(verification="pending")
    client.force_login(sophie)
    teacher_page = client.get(reverse("schools:cohort", args=[cohort.pk])).text
    client.force_login(lea)

    typed = client.get(reverse("schools:join_by_code"), {"code": cohort.code})
    link = client.get(join_url(cohort))
    client.post(join_url(cohort))

    assert "dès que l’équipe A-lasso aura vérifié votre école" in teacher_page
    assert cohort.code not in teacher_page
    assert "<svg" not in teacher_page
    assert typed.status_code == 200
    assert "son école attend d’être vérifiée par l’équipe A-lasso" in typed.text
    assert link.status_code == 200
    assert "son école attend d’être vérifiée par l’équipe A-lasso" in link.text
    assert "École de design de Nantes" not in link.text
    assert "Master 1 Design graphique" not in link.text
    assert not CohortMembership.objects.filter(student=lea).exists()
    assert VolunteerProfile.objects.filter(user=lea, school__isnull=False).count() == 0
    cohort.school.refresh_from_db()
    with pytest.raises(SchoolNotVerified):
        cohort_join(cohort=cohort, student=lea)


def test_guessing_codes_by_the_link_counts_against_the_limit_of_the_box(client, lea, cohort):
    client.force_login(lea)
    wrong = [code for code in ("ZZZZZZ", "YYYYYY") if code != cohort.code][0]

    misses = [client.get(join_url(cohort).replace(cohort.code, wrong)) for _ in range(29)]
    typed = client.get(reverse("schools:join_by_code"), {"code": wrong})
    right = client.get(join_url(cohort))

    assert {miss.status_code for miss in misses} == {404}
    assert "Aucune promotion n’a ce code" in typed.text
    assert right.status_code == 429
    assert "Trop d’essais. Patientez un peu, puis réessayez." in right.text
    assert "Master 1 Design graphique" not in right.text
