from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "challenges"
    verbose_name = _("Défis")

    def personal_data(self, user) -> dict:
        from .models import Registration, Submission

        registrations = Registration.objects.filter(student=user).select_related("event", "team")
        # Her team's answer (a shared work: it stays with the team when she leaves the site).
        submissions = (
            Submission.objects.filter(team__members__student=user)
            .select_related("team__event")
            .prefetch_related("files")
        )
        from .jury import jury_export

        return {
            **jury_export(user),
            "challenge_registrations": [
                {
                    "event": r.event.title,
                    "team": r.team.name if r.team else None,
                    "registered_at": r.registered_at.isoformat(),
                }
                for r in registrations
            ],
            "challenge_submissions": [
                {
                    "event": s.team.event.title,
                    "team": s.team.name,
                    "description": s.description,
                    "links": s.link_list,
                    "files": [f.name for f in s.files.all()],
                    "submitted_at": s.submitted_at.isoformat(),
                    "updated_at": s.updated_at.isoformat(),
                }
                for s in submissions
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .jury import jury_erase
        from .services import registrations_erase

        registrations_erase(user=user)
        jury_erase(user=user)
