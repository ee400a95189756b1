from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _iso(value):
    return value and value.isoformat()


class CompletionConfig(AppConfig):
    name = "completion"
    verbose_name = _("Fin des missions et avis")

    def ready(self) -> None:
        from . import mission_page

        mission_page.connect()

    def personal_data(self, user) -> dict:
        """What the person handed over, the hours, the reviews they wrote and received."""
        from .models import Completion, Review

        completions = (
            Completion.objects.filter(application__volunteer=user)
            .select_related("application__mission")
            .prefetch_related("deliverables")
            .order_by("pk")
        )
        written = (
            Review.objects.filter(author=user)
            .select_related("application__mission")
            .prefetch_related("endorsed_skills")
            .order_by("pk")
        )
        received = (
            Review.objects.filter(
                application__volunteer=user, direction=Review.Direction.ASSOCIATION
            )
            .select_related("application__mission")
            .prefetch_related("endorsed_skills")
            .order_by("pk")
        )

        def review(r: Review) -> dict:
            return {
                "mission": r.application.mission.title,
                "direction": r.direction,
                "quality": r.quality,
                "communication": r.communication,
                "deadlines": r.deadlines,
                "testimonial": r.testimonial,
                "endorsed_skills": [skill.name_fr for skill in r.endorsed_skills.all()],
                "clarity": r.clarity,
                "availability": r.availability,
                "respect": r.respect,
                "comment": r.comment,
                "written_at": _iso(r.written_at),
                "published_at": _iso(r.published_at),
            }

        return {
            "completions": [
                {
                    "mission": c.application.mission.title,
                    "status": c.status,
                    "note": c.note,
                    "proposed_hours": c.proposed_hours,
                    "confirmed_hours": c.confirmed_hours,
                    "delivered_at": _iso(c.delivered_at),
                    "completed_at": _iso(c.completed_at),
                    "deliverables": [
                        {"name": d.name, "url": d.url, "size": d.size} for d in c.deliverables.all()
                    ],
                }
                for c in completions
            ],
            "reviews_written": [review(r) for r in written],
            "reviews_received": [review(r) for r in received],
        }

    def personal_files(self, user) -> list[tuple[str, object]]:
        """The files she handed over (links are in the data)."""
        from .models import Deliverable

        deliverables = Deliverable.objects.filter(
            completion__application__volunteer=user, kind=Deliverable.Kind.FILE
        ).exclude(file="")
        return [(f"livrables/{d.pk}-{d.name}", d.file) for d in deliverables.order_by("pk")]

    def erase_personal_data(self, user) -> None:
        """The association keeps the record of the work and its hours; the person's words
        go, and so do the association's words about them (the testimonial names them).

        Marks stay, anonymous, inside the averages they are part of. Deliverables stay:
        the agreement gave the association the use of them.
        """
        from .models import Completion, Review

        Completion.objects.filter(application__volunteer=user).update(note="")
        Review.objects.filter(author=user, direction=Review.Direction.VOLUNTEER).update(comment="")
        Review.objects.filter(
            application__volunteer=user, direction=Review.Direction.ASSOCIATION
        ).update(testimonial="", answer_done="", answer_how="", answer_recommend="")
