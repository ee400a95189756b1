"""The demo ends missions as the product would: completed teams, waiting deliveries,
reviews both ways, and books for Léa and Karim."""

from django.utils import timezone

from accounts.tests.factories import UserFactory
from completion import demo
from completion.models import Completion, Deliverable, Review
from core.demo import DemoContext
from missions.models import MissionTemplate, Status
from missions.tests.factories import MissionFactory
from portfolio import demo as portfolio_demo
from portfolio.models import Portfolio
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import engagement


def test_the_demo_ends_the_missions_of_the_teams_and_gives_lea_and_karim_books(
    association, lea, karim, martine
):
    VolunteerProfileFactory(user=lea)  # Karim has his already
    crowd = UserFactory.create_batch(3)
    VolunteerProfileFactory(user=crowd[0])
    logo = MissionTemplate.objects.get(slug="logo-visual-identity")
    done = [
        MissionFactory(organization=association, status=Status.COMPLETED, template=logo)
        for _ in range(4)
    ]
    waiting = MissionFactory(organization=association, status=Status.DELIVERED)
    for mission, volunteer in zip([*done[:3], waiting], crowd + [crowd[0]], strict=False):
        engagement(mission=mission, volunteer=volunteer)
    ctx = DemoContext(seed=3, quiet=True)
    ctx.objects.update(users={"lea": lea, "karim": karim, "martine": martine}, crowd=crowd)

    demo.build(ctx)
    portfolio_demo.build(ctx)

    completed = Completion.objects.filter(status=Completion.Status.COMPLETED)
    assert completed.filter(application__volunteer=lea).count() == 2
    assert completed.filter(application__volunteer=karim).count() == 1
    assert not completed.filter(application__mission__status=Status.DELIVERED).exists()
    assert Completion.objects.get(application__mission=waiting).status == "delivered"
    assert all(c.confirmed_hours for c in completed)
    assert Deliverable.objects.exclude(preview="").exists()
    # Léa's and Karim's references are both written, hence public.
    for person in (lea, karim):
        reviews = Review.objects.filter(application__volunteer=person)
        assert reviews.count() == 2 * completed.filter(application__volunteer=person).count()
        assert not reviews.filter(published_at__isnull=True).exists()
    assert not Review.objects.filter(published_at__gt=timezone.now()).exists()
    books = Portfolio.objects.filter(is_public=True)
    assert {"lea", "karim"} <= {b.user.email.split("@")[0] for b in books}
    assert any("/book/" in who for who, _, _ in ctx.logins)


def test_without_ending_missions_the_demo_does_nothing(db):
    ctx = DemoContext(seed=1, quiet=True)

    demo.build(ctx)

    assert not Completion.objects.exists()
