"""Demo books: Léa, Karim and a few volunteers of the crowd publish theirs."""

from django.utils import timezone

from completion.models import Completion
from core.demo import DemoContext
from volunteers.models import VolunteerProfile

from .models import Portfolio
from .services import default_slug

HEADLINES = {
    "lea": "Graphiste en 3e année à l’École de design de Nantes",
    "karim": "Développeur web WordPress, à distance depuis Lyon",
}
CROWD_BOOKS = 4


def build(ctx: DemoContext) -> None:
    users = ctx.objects.get("users", {})
    people = [(users[key], HEADLINES[key]) for key in ("lea", "karim") if key in users]
    named = {user.pk for user, _ in people}
    # A few others who have finished a mission and have a profile to show.
    finished = (
        Completion.objects.filter(status=Completion.Status.COMPLETED)
        .exclude(application__volunteer_id__in=named)
        .filter(
            application__volunteer_id__in=VolunteerProfile.objects.values("user_id"),
        )
        .order_by("application__volunteer_id")
        .values_list("application__volunteer_id", flat=True)
        .distinct()
    )
    crowd = {u.pk: u for u in ctx.objects.get("crowd", [])}
    for user_id in list(finished)[:CROWD_BOOKS]:
        if user_id in crowd:
            people.append((crowd[user_id], ""))
    now = timezone.now()
    books = []
    for user, headline in people:
        book = Portfolio.objects.create(
            user=user,
            slug=default_slug(user),
            headline=headline,
            is_public=True,
            published_at=now,
        )
        books.append(book)
    for book in books[:2]:
        ctx.add_login(f"Book public : /book/{book.slug}/", book.user.email)
    ctx.objects["portfolios"] = books
