"""Quick help's parts of other apps' pages (templates may load the tags of an app above
their own, docs/architecture.md): a helper's coups de main on her book, the answers of a
topic beside the mission templates."""

from django import template

from .. import selectors

register = template.Library()

# Her book lists her latest attestations of coups de main; all are in « Mes attestations ».
ATTESTATIONS_SHOWN = 10


@register.inclusion_tag("quickhelp/_book.html")
def book_quickhelp(person):
    """Her hours of quick help, their signed attestations and the published answers
    credited to her."""
    return {
        "hours": selectors.helper_hours(person),
        "attested": list(selectors.attested_credits(person)[:ATTESTATIONS_SHOWN]),
        "answers": list(selectors.published_answers().filter(helper=person)[:10]),
    }


@register.inclusion_tag("quickhelp/_domain_answers.html")
def domain_answers(domain):
    """Under a domain's mission templates: the questions already answered on it."""
    answers = selectors.answered_by_domain([domain.pk], limit=3)
    return {"domain": domain, "answers": answers}


@register.inclusion_tag("quickhelp/_review_item.html", takes_context=True)
def answers_to_review_item(context):
    """On the moderation queue: the public answers waiting for this moderator's review."""
    return {"count": selectors.answers_to_review(context["request"].user).count()}
