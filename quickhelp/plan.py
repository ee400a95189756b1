"""Under a diagnosis's plan (`diagnosis.plan_extras`): « D’autres associations ont
demandé… », the published answers of the plan's topics."""

from diagnosis.plan_extras import PlanExtra
from diagnosis.results import plan_of
from diagnosis.selectors import latest_completed, questionnaire

from .selectors import answered_by_domain


def plan_extras(organization, user) -> list[PlanExtra]:
    diagnosis = latest_completed(organization)
    if diagnosis is None:
        return []
    plan = plan_of(diagnosis, questionnaire())
    domains = {step.template.domain_id for step in plan}
    answers = answered_by_domain(domains, limit=4) if domains else []
    if not answers:
        return []
    return [PlanExtra("quickhelp/_plan_answers.html", {"answers": answers})]
