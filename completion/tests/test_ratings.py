"""What volunteers say of an association: averages of published reviews, in one query."""

from django.urls import reverse

from completion import selectors
from completion.models import Review
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory

from .factories import CompletionFactory, ImageDeliverableFactory, ReviewFactory
from .factories import engagement as make_engagement


def volunteer_review(organization, *, clarity, availability, respect, published=True):
    application = make_engagement(organization=organization)
    CompletionFactory(application=application)
    return ReviewFactory(
        application=application,
        direction=Review.Direction.VOLUNTEER,
        clarity=clarity,
        availability=availability,
        respect=respect,
        published_at=None if not published else application.agreement.created_at,
    )


def test_association_ratings_average_the_published_reviews_in_one_query(
    association, django_assert_num_queries
):
    volunteer_review(association, clarity=5, availability=4, respect=5)
    volunteer_review(association, clarity=4, availability=4, respect=5)
    volunteer_review(association, clarity=3, availability=1, respect=5, published=False)
    ReviewFactory(application=make_engagement(organization=association))  # the other side

    with django_assert_num_queries(1):
        ratings = selectors.association_ratings(association)

    assert (ratings.count, ratings.clarity, ratings.availability, ratings.respect) == (
        2,
        4.5,
        4.0,
        5.0,
    )
    assert not ratings.enough  # fewer than three: no average shown


def test_with_ratings_annotates_a_list_of_associations_in_one_query(
    association, django_assert_num_queries
):
    other = AssociationFactory(name="Club de Judo")
    for _ in range(3):
        volunteer_review(association, clarity=5, availability=3, respect=4)
    volunteer_review(other, clarity=2, availability=2, respect=2)
    AssociationFactory(name="Sans avis")

    with django_assert_num_queries(1):
        rows = {
            o.name: selectors.ratings_from(o)
            for o in selectors.with_ratings(Organization.objects.all())
        }

    assert rows[association.name].count == 3 and rows[association.name].enough
    assert rows[association.name].availability == 3.0
    assert rows["Club de Judo"].clarity == 2.0
    assert rows["Sans avis"].count == 0 and rows["Sans avis"].clarity is None


def test_the_association_page_shows_the_averages_from_three_reviews(client, association):
    url = reverse("organizations:detail", args=[association.slug])
    volunteer_review(association, clarity=5, availability=4, respect=5)

    response = client.get(url)
    assert "L’avis des bénévoles" in response.text
    assert "la moyenne apparaîtra à partir de 3 avis" in response.text

    volunteer_review(association, clarity=4, availability=4, respect=5)
    volunteer_review(association, clarity=3, availability=4, respect=5)
    response = client.get(url)
    assert "<strong>4,0</strong> / 5" in response.text  # clarity
    assert "Moyenne de 3 avis de bénévoles" in response.text


def test_the_mission_page_shows_what_volunteers_say_of_its_association(client, engagement):
    response = client.get(reverse("missions:detail", args=[engagement.mission.pk]))

    assert "L’avis des bénévoles" in response.text


def test_volunteer_ratings_for_matching(lea, engagement):
    CompletionFactory(application=engagement)
    ReviewFactory(application=engagement, quality=5, communication=4, deadlines=3)

    assert selectors.volunteer_ratings([lea.pk]) == {lea.pk: 4.0}


def test_the_completion_page_costs_the_same_with_many_deliverables(
    client, engagement, martine, django_assert_max_num_queries
):
    completion = CompletionFactory(application=engagement)
    ImageDeliverableFactory(completion=completion)
    client.force_login(martine)
    url = reverse("completion:detail", args=[engagement.pk])
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(8):
        ImageDeliverableFactory(completion=completion)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert response.text.count("Aperçu de l’image affiche.png") == 9
