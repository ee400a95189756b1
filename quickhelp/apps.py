from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuickhelpConfig(AppConfig):
    name = "quickhelp"
    verbose_name = _("Coup de main")

    def ready(self) -> None:
        from core.navigation import NavItem, register
        from diagnosis.plan_extras import register_plan_extra

        from . import plan, receivers

        receivers.connect()  # her hours on her attestations
        register(NavItem(_("Coup de main"), "quickhelp:index", lambda user: True, order=12))
        register_plan_extra(plan.plan_extras)  # « d’autres associations ont demandé… »

    def personal_data(self, user) -> dict:
        from .models import Answer, Call, Credit, Question

        return {
            "questions_asked": [
                {"title": q.title, "body": q.body, "asked_at": q.created_at.isoformat()}
                for q in Question.objects.filter(asked_by=user)
            ],
            "answers_written": [
                {"question": a.question.title, "body": a.body, "at": a.created_at.isoformat()}
                for a in Answer.objects.filter(author=user).select_related("question")
            ],
            "calls": [
                {
                    "question": c.question.title,
                    "starts_at": c.starts_at.isoformat(),
                    "video_link": c.video_link,
                    "status": c.status,
                }
                for c in Call.objects.filter(helper=user).select_related("question")
            ],
            "hours": [
                {"question": c.question.title, "kind": c.kind, "hours": str(c.hours)}
                for c in Credit.objects.filter(helper=user).select_related("question")
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .models import Answer, Call, Question

        # Questions and answers belong to the association's history; her words written as
        # a helper go with her, the rows of hours go by cascade.
        Answer.objects.filter(author=user).update(body="—", author=None)
        Call.objects.filter(helper=user).update(helper=None, video_link="https://invalid.example")
        Question.objects.filter(asked_by=user).update(asked_by=None)
        Question.objects.filter(thanked=user).update(thanked=None)
