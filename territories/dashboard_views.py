"""The territory's dashboard for the authority's agents: the page, a CSV file per table and
the PDF report, for the period the GET form chose."""

from functools import partial
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from core.spreadsheet import as_csv, cell, number
from organizations.models import Membership, Organization

from .dashboard import cached_board, cached_board_page, table_for
from .models import Territory
from .period import period_from, shortcuts
from .report import report_pdf


def get_authority_for_dashboard(request, slug: str) -> tuple[Organization, Territory | None]:
    """The local authority `slug` and its territory, for one of its agents (any member) or
    staff: 404 for another kind of organisation, 403 for anyone else."""
    authority = get_object_or_404(
        Organization.objects.select_related("territory__departement", "territory__region").annotate(
            is_agent=Exists(
                Membership.objects.filter(organization=OuterRef("pk"), user_id=request.user.pk)
            )
        ),
        slug=slug,
        kind=Organization.Kind.LOCAL_AUTHORITY,
    )
    # Staff keep the national view: the figures are aggregates, as the agents see them.
    if not (request.user.is_staff or authority.is_agent):
        raise PermissionDenied
    try:
        territory = authority.territory
    except Territory.DoesNotExist:
        territory = None
    return authority, territory


def _figures_or_404(authority: Organization, territory: Territory | None) -> Territory:
    # No figures before the territory is declared and the authority verified: a page
    # anyone can create must not see a territory's figures on its own word.
    if territory is None or not authority.is_verified:
        raise Http404
    return territory


def _period_page(request, authority: Organization, form):
    return render(
        request, "territories/dashboard_period.html", {"authority": authority, "form": form}
    )


@login_required
@require_safe
def dashboard(request, slug: str):
    authority, territory = get_authority_for_dashboard(request, slug)
    form, period = period_from(request.GET)
    if form.is_bound and not form.is_valid():
        return _period_page(request, authority, form)  # what was wrong, and the form again
    query = urlencode(period.query())
    board, figures = None, None
    if territory is not None and authority.is_verified:
        figures = cached_board_page(
            territory,
            period,
            lambda board: render_to_string(
                "territories/_dashboard_board.html",
                {"authority": authority, "query": query, "board": board},
            ),
        )
        # The figures themselves, for whoever reads them from the context (the tests): the
        # page shows `figures`, rendered once for as long as they are kept.
        board = SimpleLazyObject(partial(cached_board, territory, period))
    context = {
        "authority": authority,
        "territory": territory,
        "form": form,
        "period": period,
        "query": query,
        "shortcuts": [(label, urlencode(p.query()), p == period) for label, p in shortcuts()],
        "figures": figures,
        "board": board,
    }
    return render(request, "territories/dashboard.html", context)


def _csv_cell(value) -> str:
    # Our own numbers stay numbers (a change of -3 is not a formula); words are text.
    if isinstance(value, int | float):
        return number(value)
    return cell(value)


@login_required
@require_safe
def dashboard_period(request, slug: str):
    """The form that chooses the period: its own page (one thing per screen), which sends
    the choice to the dashboard."""
    authority, _territory = get_authority_for_dashboard(request, slug)
    form, _period = period_from(request.GET)
    return _period_page(request, authority, form)


@login_required
@require_safe
def dashboard_csv(request, slug: str, key: str):
    authority, territory = get_authority_for_dashboard(request, slug)
    territory = _figures_or_404(authority, territory)
    _form, period = period_from(request.GET)
    table = table_for(territory, period, key)
    if table is None:
        raise Http404
    rows = [[_csv_cell(value) for value in row] for row in table.rows]
    response = HttpResponse(as_csv(table.header, rows), content_type="text/csv; charset=utf-8")
    filename = f"{authority.slug}-{key.replace('_', '-')}-{period.slug}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_safe
def dashboard_pdf(request, slug: str):
    authority, territory = get_authority_for_dashboard(request, slug)
    territory = _figures_or_404(authority, territory)
    _form, period = period_from(request.GET)
    board = cached_board(territory, period)
    response = HttpResponse(report_pdf(board, authority), content_type="application/pdf")
    filename = f"tableau-de-bord-{authority.slug}-{period.slug}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
