"""What other apps read about volunteers: skills of many at once, a one-line summary, the menu."""

from django.contrib.auth.models import AnonymousUser

from core.navigation import items_for
from taxonomy.models import Level
from volunteers import selectors
from volunteers.models import VolunteerProfile

from .factories import VolunteerProfileFactory


def test_skills_by_user_reads_the_skills_of_many_volunteers_in_one_query(
    db, django_assert_num_queries
):
    lea = VolunteerProfileFactory(skills={"logo": Level.EXPERT, "figma": Level.LEARNING})
    karim = VolunteerProfileFactory(skills={"wordpress": Level.EXPERT})
    nobody = VolunteerProfileFactory()
    with django_assert_num_queries(1):
        found = selectors.skills_by_user([lea.user_id, karim.user_id, nobody.user_id])
        names = {
            user_id: [(row.skill.domain.slug, row.skill.slug, row.level) for row in rows]
            for user_id, rows in found.items()
        }
    # In taxonomy order: Figma comes after the logo in the graphic-design domain.
    assert names[lea.user_id] == [
        ("graphic-design", "logo", Level.EXPERT),
        ("graphic-design", "figma", Level.LEARNING),
    ]
    assert names[karim.user_id] == [("web", "wordpress", Level.EXPERT)]
    assert names[nobody.user_id] == []


def test_the_summary_says_who_the_volunteer_is_in_one_line(db):
    student = VolunteerProfileFactory.build(graduation_year=2027)
    assert selectors.profile_summary(student) == (
        "Étudiant·e · Design graphique, École de design de Nantes · 2027"
    )
    pro = VolunteerProfileFactory.build(kind=VolunteerProfile.Kind.PROFESSIONAL)
    assert selectors.profile_summary(pro) == "Professionnel·le"
    employee = VolunteerProfileFactory.build(
        kind=VolunteerProfile.Kind.EMPLOYEE, company_name="Numérik Solutions"
    )
    assert selectors.profile_summary(employee) == "Salarié·e · Numérik Solutions"
    no_school = VolunteerProfileFactory.build(school_name="", programme="", graduation_year=None)
    assert selectors.profile_summary(no_school) == "Étudiant·e"


def labels(user) -> list[str]:
    return [str(item.label) for item in items_for(user)]


def test_the_menu_offers_the_profile_to_volunteers_and_to_others_who_made_one(lea, martine):
    assert "Mon profil de bénévole" in labels(lea)
    assert "Mon profil de bénévole" not in labels(martine)
    VolunteerProfileFactory(user=martine)
    martine = type(martine).objects.get(pk=martine.pk)  # the next request
    assert "Mon profil de bénévole" in labels(martine)


def test_the_menu_asks_the_database_at_most_once_per_request(
    lea, martine, association, django_assert_num_queries
):
    from engagements.selectors import is_volunteer
    from missions.selectors import has_association
    from organizations.selectors import has_membership

    for user, volunteer in [(lea, True), (martine, False)]:
        with django_assert_num_queries(1):  # every header question, one query
            assert selectors.shows_volunteer_menu(user) is volunteer
            assert is_volunteer(user) is volunteer
            assert has_association(user) is not volunteer
            assert has_membership(user) is not volunteer


def test_anonymous_visitors_see_no_profile_link(db):
    assert "Mon profil de bénévole" not in labels(AnonymousUser())
