"""Demo reports: a few open ones, so the moderators' queue has something to show."""

from core.demo import DemoContext
from missions import lifecycle
from missions.models import Mission
from organizations.models import Organization

from .models import Report

SAMPLES = [
    (
        Report.Reason.NOT_PRO_BONO,
        "On demande une présence tous les jours de 9 h à 17 h pendant deux mois : cela "
        "ressemble à un stage non payé plutôt qu’à une mission bénévole.",
    ),
    (
        Report.Reason.SPAM,
        "La description renvoie vers un site qui vend des formations payantes.",
    ),
    (
        Report.Reason.OTHER,
        "Je n’arrive pas à trouver cette association dans l’annuaire, le numéro RNA semble faux.",
    ),
]


def _public_missions(ctx: DemoContext) -> list[Mission]:
    missions = [
        m for m in ctx.objects.get("missions", []) if getattr(m, "status", None) in lifecycle.PUBLIC
    ]
    return missions or list(Mission.objects.filter(status__in=lifecycle.PUBLIC).order_by("pk")[:20])


def _organizations(ctx: DemoContext) -> list[Organization]:
    return list(ctx.objects.get("associations", [])) or list(
        Organization.objects.order_by("pk")[:20]
    )


def build(ctx: DemoContext) -> None:
    crowd = ctx.objects.get("crowd") or []
    missions = _public_missions(ctx)
    organizations = _organizations(ctx)
    if not crowd or not (missions or organizations):
        return  # nothing to report on: the queue simply starts empty
    reports = []
    # The first two samples are about missions, the last one about an association.
    for (reason, details), mission in zip(
        SAMPLES[:2], ctx.rng.sample(missions, min(2, len(missions))), strict=False
    ):
        reports.append(
            Report(reporter=ctx.rng.choice(crowd), reason=reason, details=details, mission=mission)
        )
    if organizations:
        reason, details = SAMPLES[2]
        reports.append(
            Report(
                reporter=ctx.rng.choice(crowd),
                reason=reason,
                details=details,
                organization=ctx.rng.choice(organizations),
            )
        )
    Report.objects.bulk_create(reports)
    ctx.objects["reports"] = reports
