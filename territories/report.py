"""The territory's report: the dashboard of a period as a PDF (WeasyPrint), and the monthly
e-mail that tells the authority's agents, on the first of the month, that last month's is
ready — with its headline numbers and a link to download it.

The outbox (`core.emails.send_email`) takes no attachment: the e-mail links to the PDF on
the site, behind the login, so a report never travels further than the authority's agents
of the day (someone who left the authority since can no longer open it).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from core.emails import send_email
from organizations.models import Organization

from .dashboard import Board, board_for
from .models import Territory
from .period import Period


def report_html(board: Board, authority: Organization) -> str:
    return render_to_string(
        "territories/dashboard_pdf.html",
        {"board": board, "authority": authority, "site_url": settings.SITE_URL},
    )


def report_document(board: Board, authority: Organization):
    """The laid-out document (tests read its text); `.write_pdf()` gives the file."""
    from weasyprint import HTML  # heavy: loaded by the pages that print
    from weasyprint.urls import URLFetcher

    # The page embeds all it needs (charts are inline SVG): it never fetches a thing.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=report_html(board, authority), url_fetcher=fetcher).render()


def report_pdf(board: Board, authority: Organization) -> bytes:
    return report_document(board, authority).write_pdf()


def report_url(authority: Organization, period: Period) -> str:
    path = reverse("territories:dashboard_pdf", args=[authority.slug])
    return f"{settings.SITE_URL}{path}?{urlencode(period.query())}"


# --- The monthly e-mail ----------------------------------------------------------------------
def agents_of(authority: Organization) -> list[User]:
    return list(
        User.objects.filter(memberships__organization=authority, is_active=True).order_by("pk")
    )


def report_send(*, authority: Organization, period: Period) -> int:
    """E-mail the report of `period` to each agent of `authority`, once (a second run sends
    nothing: each e-mail is keyed by authority, agent and period). Returns how many agents."""
    territory = Territory.objects.select_related("departement", "region").get(authority=authority)
    agents = agents_of(authority)
    boards: dict[str, Board] = {}
    for agent in agents:
        language = agent.language or settings.LANGUAGE_CODE
        with translation.override(language):
            if language not in boards:  # the figures' words, in the agent's language
                boards[language] = board_for(territory, period)
            board = boards[language]
            label = period.label
        send_email(
            "territory_report",
            to=agent.email,
            language=language,
            context={
                "name": agent.first_name,
                "authority": authority.name,
                "period": label,
                "highlights": board.highlights,
                "pdf_url": report_url(authority, period),
                "dashboard_url": settings.SITE_URL
                + reverse("territories:dashboard", args=[authority.slug])
                + "?"
                + urlencode(period.query()),
            },
            key=f"territory-report:{authority.pk}:{agent.pk}:{period.slug}",
        )
    return len(agents)


@task
def territory_reports_tick() -> int:
    """The first of the month: queue, for each verified authority that declared its
    territory, the report of the month that just ended."""
    period = Period.last_month(timezone.localdate())
    authorities = list(
        Territory.objects.filter(
            authority__verification=Organization.Verification.VERIFIED
        ).values_list("authority_id", flat=True)
    )
    for authority_id in authorities:
        send_territory_report.enqueue(
            authority_id=authority_id, year=period.start.year, month=period.start.month
        )
    return len(authorities)


@task
def send_territory_report(*, authority_id: int, year: int, month: int) -> int:
    authority = Organization.objects.get(pk=authority_id)
    return report_send(authority=authority, period=Period.month(year, month))
