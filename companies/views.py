"""Companies' pages: an employee's own page, joining, and the programme managers' space."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from core.errors import ActionRefused
from organizations.models import Organization
from organizations.selectors import get_organization_for_member

from . import selectors, services
from .charts import bar_chart
from .dashboard import dashboard_of
from .forms import (
    AnswerForm,
    CheckInForm,
    CostForm,
    DomainForm,
    ProgrammeForm,
    RecurringConfirmForm,
    VisibilityForm,
    programme_initial,
)
from .hours import hour_lines
from .lifecycle import CHECK_IN, PROGRAMME, RECURRING, SPONSORSHIP, join_refused
from .models import CheckIn, Company, EmailDomain, Employee, Sponsorship
from .papers import Paper, as_pdf, attestation_csv, statement_csv


# --- an employee's own page ------------------------------------------------------------------
@login_required
def mine(request):
    user = request.user
    employments = selectors.employments_of(user)
    programmes = selectors.open_programmes_of([employee.company for employee in employments])
    used = selectors.hours_used_by_programme(
        [e.pk for e in employments], [p.pk for p in programmes], timezone.localdate().year
    )
    for programme in programmes:
        programme.left = programme.hours_per_employee
    for employee in employments:
        employee.programmes = [p for p in programmes if p.company_id == employee.company_id]
        for programme in employee.programmes:
            programme.left = max(
                programme.hours_per_employee - used.get((employee.pk, programme.pk), 0), 0
            )
        employee.visibility_form = VisibilityForm(
            initial={"shown": employee.show_employer}, auto_id=f"visibility-{employee.pk}-%s"
        )
    context = {
        "employments": employments,
        "joinable": selectors.joinable_by_domain(user),
        "requests": selectors.requests_of(user),
        "managed": selectors.managed_companies(user),
        "register_url": f"{reverse('organizations:create')}?{urlencode({'kind': 'company'})}",
    }
    return render(request, "companies/mine.html", context)


def join(request, token):
    """The invitation link: who invites, then a button (a GET never joins: mail scanners
    open links). Visitors without an account sign up or log in and come back here."""
    company = get_object_or_404(Company.objects.select_related("organization"), invite_token=token)
    user = request.user
    employee = None
    refusal = ""
    if user.is_authenticated:
        employee = Employee.objects.filter(company=company, user=user).first()
        refused = join_refused(company, user, via=Employee.Via.LINK, employee=employee)
        refusal = "" if refused is None else str(refused)
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.path})}")
        try:
            services.employee_join(company=company, user=user, via=Employee.Via.LINK)
        except ActionRefused as error:
            refusal = str(error)
        else:
            messages.success(
                request,
                _("Bienvenue ! Vous faites partie de « %(name)s ».") % {"name": company.name},
            )
            return redirect("companies:mine")
    return render(
        request,
        "companies/join.html",
        {"company": company, "employee": employee, "refusal": refusal},
    )


@login_required
@require_POST
def join_by_domain(request, slug: str):
    company = selectors.get_company(slug)
    try:
        services.employee_join(company=company, user=request.user, via=Employee.Via.DOMAIN)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Bienvenue ! Vous faites partie de « %(name)s ».") % {"name": company.name}
        )
    return redirect("companies:mine")


@login_required
def leave(request, pk: int):
    employee = selectors.get_employee_for_self(request, pk)
    if not employee.is_joined:
        return redirect("companies:mine")
    if request.method == "POST":
        services.employee_leave(employee=employee, by=request.user)
        messages.success(
            request,
            _("Vous avez quitté « %(name)s » sur A-lasso.") % {"name": employee.company.name},
        )
        return redirect("companies:mine")
    return render(request, "companies/leave.html", {"employee": employee})


@login_required
@require_POST
def visibility(request, pk: int):
    employee = selectors.get_employee_for_self(request, pk)
    form = VisibilityForm(request.POST)
    if form.is_valid():
        shown = form.cleaned_data["shown"]
        services.employee_show_employer(employee=employee, by=request.user, shown=shown)
        if shown:
            messages.success(request, _("Votre profil public nomme maintenant votre entreprise."))
        else:
            messages.success(request, _("Votre profil public ne nomme plus votre entreprise."))
    return redirect("companies:mine")


# --- the programme managers' space -----------------------------------------------------------
@login_required
def space(request, slug: str):
    company = selectors.get_company_for_manager(request, slug)
    context = {
        "company": company,
        "organization": company.organization,
        "employee_count": selectors.employees_of(company).count(),
        "programmes": selectors.programmes_of(company),
        "waiting_count": len(selectors.requests_to_answer(company)),
        "invite_url": request.build_absolute_uri(company.join_path),
    }
    return render(request, "companies/space.html", context)


@login_required
def employees(request, slug: str):
    company = selectors.get_company_for_manager(request, slug)
    rows = list(selectors.employees_of(company))
    for employee in rows:
        employee.cost_form = CostForm(
            initial={"hourly_cost": employee.hourly_cost}, auto_id=f"cost-{employee.pk}-%s"
        )
    domain_form = DomainForm(request.POST or None)
    if request.method == "POST" and domain_form.is_valid():
        try:
            services.domain_declare(
                company=company, domain=domain_form.cleaned_data["domain"], by=request.user
            )
        except ActionRefused as error:
            domain_form.add_error("domain", str(error))
        else:
            messages.success(request, _("Le domaine est déclaré."))
            return redirect("companies:employees", slug)
    context = {
        "company": company,
        "employees": rows,
        "domains": selectors.domains_of(company),
        "domain_form": domain_form,
        "invite_url": request.build_absolute_uri(company.join_path),
    }
    return render(request, "companies/employees.html", context)


@login_required
@require_POST
def domain_remove(request, slug: str, pk: int):
    company = selectors.get_company_for_manager(request, slug)
    domain = get_object_or_404(EmailDomain, pk=pk, company=company)
    domain.company = company
    services.domain_remove(domain=domain, by=request.user)
    messages.success(request, _("Le domaine « %(domain)s » est retiré.") % {"domain": domain})
    return redirect("companies:employees", slug)


@login_required
@require_POST
def invite_renew(request, slug: str):
    company = selectors.get_company_for_manager(request, slug)
    services.invite_link_renew(company=company, by=request.user)
    messages.success(request, _("Un nouveau lien est prêt : l’ancien ne marche plus."))
    return redirect("companies:employees", slug)


@login_required
@require_POST
def employee_cost(request, slug: str, pk: int):
    company = selectors.get_company_for_manager(request, slug)
    employee = selectors.get_employee_for_manager(request, company, pk)
    form = CostForm(request.POST)
    if form.is_valid():
        services.employee_set_cost(
            employee=employee, by=request.user, hourly_cost=form.cleaned_data["hourly_cost"]
        )
        messages.success(
            request,
            _("Le coût horaire de %(name)s est enregistré.") % {"name": employee.user.full_name},
        )
    else:
        messages.error(request, _("Écrivez un montant en euros, par exemple : 42,50"))
    return redirect("companies:employees", slug)


@login_required
def employee_remove(request, slug: str, pk: int):
    company = selectors.get_company_for_manager(request, slug)
    employee = selectors.get_employee_for_manager(request, company, pk)
    if request.method == "POST":
        try:
            services.employee_leave(employee=employee, by=request.user)
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s ne fait plus partie de la liste.") % {"name": employee.user.full_name},
            )
        return redirect("companies:employees", slug)
    return render(
        request, "companies/employee_remove.html", {"company": company, "employee": employee}
    )


# --- programmes ------------------------------------------------------------------------------
@login_required
def programme_create(request, slug: str):
    company = selectors.get_company_for_manager(request, slug)
    form = ProgrammeForm(
        request.POST or None,
        initial={
            "one_off": True,
            "name": _("Mécénat de compétences %(year)s") % {"year": timezone.localdate().year},
        },
    )
    if request.method == "POST" and form.is_valid():
        programme = services.programme_create(
            company=company, by=request.user, **form.service_fields()
        )
        messages.success(
            request,
            _(
                "Le programme est ouvert : vos salarié·es peuvent demander du temps pour une "
                "mission."
            ),
        )
        return redirect(programme)
    return render(request, "companies/programme_form.html", {"company": company, "form": form})


@login_required
def programme(request, pk: int):
    programme = selectors.get_programme_for_manager(request, pk)
    context = {
        "programme": programme,
        "company": programme.company,
        "can": PROGRAMME.can(programme, request.user, is_manager=True),
    }
    return render(request, "companies/programme.html", context)


@login_required
def programme_edit(request, pk: int):
    programme = selectors.get_programme_for_manager(request, pk)
    form = ProgrammeForm(request.POST or None, initial=programme_initial(programme))
    if request.method == "POST" and form.is_valid():
        services.programme_update(programme=programme, by=request.user, **form.service_fields())
        messages.success(request, _("Les changements sont enregistrés."))
        return redirect(programme)
    return render(
        request,
        "companies/programme_form.html",
        {"company": programme.company, "form": form, "programme": programme},
    )


@login_required
@require_POST
def programme_move(request, pk: int, action: str):
    programme = selectors.get_programme_for_manager(request, pk)
    if action not in PROGRAMME.actions:
        raise Http404
    try:
        services.programme_move(programme=programme, action=action, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        if action == "close":
            messages.success(
                request,
                _(
                    "Le programme est clos : plus de nouvelle demande ; le temps déjà approuvé "
                    "continue."
                ),
            )
        else:
            messages.success(request, _("Le programme est de nouveau ouvert."))
    return redirect(programme)


# --- working time: the managers' answer, her requests ----------------------------------------
def _answer_context(sponsorships: list[Sponsorship], user, *, is_manager: bool) -> None:
    for sponsorship in sponsorships:
        sponsorship.approve_refusal = SPONSORSHIP.refusal(
            sponsorship, "approve", user, is_manager=is_manager
        )
        sponsorship.answer_form = AnswerForm(auto_id=f"answer-{sponsorship.pk}-%s")


@login_required
def requests(request, slug: str):
    company = selectors.get_company_for_manager(request, slug)
    waiting = selectors.requests_to_answer(company)
    _answer_context(waiting, request.user, is_manager=True)
    context = {
        "company": company,
        "waiting": waiting,
        "answered": selectors.recent_answers(company),
    }
    return render(request, "companies/requests.html", context)


ANSWERS = ("approve", "refuse")


def _answer(request, sponsorship: Sponsorship, action: str, by: User) -> bool:
    form = AnswerForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.sponsorship_answer(sponsorship=sponsorship, action=action, by=by, note=note)
    except ActionRefused as error:
        messages.error(request, str(error))
        return False
    name = sponsorship.employee.user.first_name
    if action == "approve":
        messages.success(
            request,
            _(
                "Le temps de %(name)s est approuvé : l’association voit maintenant sa candidature "
                "comme soutenue par l’entreprise."
            )
            % {"name": name},
        )
    else:
        messages.success(request, _("Votre réponse est envoyée à %(name)s.") % {"name": name})
    return True


@login_required
@require_POST
def answer(request, pk: int, action: str):
    """One click on the company's page: approve or refuse a request for time."""
    if action not in ANSWERS:
        raise Http404
    sponsorship = selectors.get_sponsorship_for_manager(request, pk)
    _answer(request, sponsorship, action, request.user)
    return redirect("companies:requests", sponsorship.programme.company.organization.slug)


def approve_by_link(request, token: str):
    """The link in a manager's e-mail: the request, and a button to approve or refuse it,
    without logging in (the signed link names her; a GET never answers: mail scanners open
    links)."""
    try:
        sponsorship_pk, manager_pk = services.read_approval_token(token)
    except signing.SignatureExpired:
        return render(request, "companies/approve_expired.html", status=410)
    except signing.BadSignature:
        raise Http404 from None
    manager = get_object_or_404(User, pk=manager_pk, is_active=True)
    sponsorship = get_object_or_404(
        Sponsorship.objects.select_related(
            "employee__user",
            "programme__company__organization",
            "application__mission__organization",
        ),
        pk=sponsorship_pk,
    )
    company = sponsorship.programme.company
    manages = selectors.is_manager(manager, company)
    if not manages:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ANSWERS:
            raise Http404
        _answer(request, sponsorship, action, manager)
        return redirect("companies:approve_by_link", token)
    _answer_context([sponsorship], manager, is_manager=manages)
    return render(
        request,
        "companies/approve_link.html",
        {"sponsorship": sponsorship, "company": company, "manager": manager},
    )


@login_required
@require_POST
def request_cancel(request, pk: int):
    sponsorship = selectors.get_sponsorship_for_employee(request, pk)
    try:
        services.sponsorship_cancel(sponsorship=sponsorship, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Votre demande de temps est retirée. Votre candidature continue, sur votre "
                "temps personnel."
            ),
        )
    return redirect("companies:mine")


# --- a talent solidaire: its agreement and its monthly check-ins -----------------------------
@login_required
def recurring(request, pk: int):
    engagement, sides = selectors.get_recurring_for_viewer(request, pk)
    sponsorship = engagement.sponsorship
    mission = sponsorship.application.mission
    user = request.user
    today = timezone.localdate()
    can = RECURRING.can(engagement, user, **sides)
    members = selectors.association_members(mission.organization_id)
    confirm_form = None
    if can.confirm:
        confirm_form = RecurringConfirmForm(
            request.POST if request.POST.get("step") == "confirm" else None,
            members=members,
            initial={
                "schedule": engagement.schedule,
                "start_month": services.first_of_month(today),
                "tutor": user.pk if members.filter(pk=user.pk).exists() else None,
            },
        )
        if confirm_form.is_bound and confirm_form.is_valid():
            try:
                services.recurring_confirm(
                    engagement=engagement, by=user, **confirm_form.cleaned_data
                )
            except ActionRefused as error:
                confirm_form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("L’accord est confirmé. Chaque mois, confirmez ici les heures passées."),
                )
                return redirect(engagement)
    confirmed = {c.month: c for c in CheckIn.objects.filter(engagement=engagement)}
    months = []
    for month in engagement.month_list:
        check_in = confirmed.get(month) or CheckIn(engagement=engagement, month=month)
        row = {"month": month, "check_in": check_in}
        if CHECK_IN.allows(check_in, "confirm", user, is_member=sides["is_member"], today=today):
            bound = request.POST if request.POST.get("month") == f"{month:%Y-%m}" else None
            form = CheckInForm(
                bound,
                initial={"hours": engagement.hours_per_month},
                auto_id=f"month-{month:%Y-%m}-%s",
            )
            if form.is_bound and form.is_valid():
                try:
                    services.check_in_confirm(
                        engagement=engagement, month=month, by=user, **form.cleaned_data
                    )
                except ActionRefused as error:
                    form.add_error(None, str(error))
                else:
                    messages.success(
                        request,
                        _("Les heures de %(month)s sont confirmées. Merci !")
                        % {"month": date_format(month, "F Y")},
                    )
                    return redirect(engagement)
            row["form"] = form
        months.append(row)
    context = {
        "engagement": engagement,
        "sponsorship": sponsorship,
        "mission": mission,
        "sides": sides,
        "can": can,
        "confirm_form": confirm_form,
        "months": months,
        "hours_confirmed": sum(c.hours for c in confirmed.values()),
    }
    return render(request, "companies/recurring.html", context)


@login_required
@require_POST
def recurring_end(request, pk: int):
    engagement, _sides = selectors.get_recurring_for_viewer(request, pk)
    try:
        services.recurring_end(engagement=engagement, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Le talent solidaire est terminé. Merci à chacun !"))
    return redirect(engagement)


# --- the papers: the company's statement, the association's attestation ----------------------
def _year(request) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        return this_year
    return year if 2000 <= year <= this_year else this_year


def _years(year: int) -> list[int]:
    this_year = timezone.localdate().year
    return [y for y in (this_year - 2, this_year - 1, this_year) if y >= 2000]


def _papers(lines, *, by: str, year: int, company=None, association=None) -> list[Paper]:
    """Lines grouped into one paper per association (`by` "association") or per company."""
    key = "association_id" if by == "association" else "company_id"
    ids = sorted({getattr(line, key) for line in lines})
    if by == "association":
        others = Organization.objects.in_bulk(ids)
    else:
        others = Organization.objects.in_bulk(
            list(Company.objects.filter(pk__in=ids).values_list("organization_id", flat=True))
        )
        by_company = dict(Company.objects.filter(pk__in=ids).values_list("pk", "organization_id"))
    papers = []
    for other_id in ids:
        mine = [line for line in lines if getattr(line, key) == other_id]
        if by == "association":
            papers.append(
                Paper(company=company, association=others[other_id], year=year, lines=mine)
            )
        else:
            papers.append(
                Paper(
                    company=others[by_company[other_id]],
                    association=association,
                    year=year,
                    lines=mine,
                )
            )
    return sorted(papers, key=lambda p: (p.association.name, p.company.name))


FILE_TYPES = ("pdf", "csv")


def _file(paper: Paper, *, kind: str, ext: str, request) -> HttpResponse:
    other = paper.association if kind == "statement" else paper.company
    name = f"{kind}-{slugify(other.name) or 'organisation'}-{paper.year}.{ext}"
    if ext == "csv":
        text = statement_csv(paper) if kind == "statement" else attestation_csv(paper)
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    else:
        template = f"companies/{kind}_pdf.html"
        response = HttpResponse(
            as_pdf(template, paper, language=request.LANGUAGE_CODE), content_type="application/pdf"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def statements(request, slug: str):
    company = selectors.get_company_for_manager(request, slug)
    year = _year(request)
    papers = _papers(
        hour_lines(year=year, company=company),
        by="association",
        year=year,
        company=company.organization,
    )
    context = {"company": company, "year": year, "years": _years(year), "papers": papers}
    return render(request, "companies/statements.html", context)


@login_required
def statement_file(request, slug: str, association: str, year: int, ext: str):
    if ext not in FILE_TYPES:
        raise Http404
    company = selectors.get_company_for_manager(request, slug)
    organization = get_object_or_404(Organization, slug=association)
    lines = hour_lines(year=year, company=company, association_id=organization.pk)
    if not lines:
        raise Http404
    paper = Paper(company=company.organization, association=organization, year=year, lines=lines)
    return _file(paper, kind="statement", ext=ext, request=request)


@login_required
def help_received(request, slug: str):
    """The association's side: the companies whose employees gave it time, by year."""
    organization = get_organization_for_member(request, slug)
    year = _year(request)
    papers = _papers(
        hour_lines(year=year, association_id=organization.pk),
        by="company",
        year=year,
        association=organization,
    )
    context = {"organization": organization, "year": year, "years": _years(year), "papers": papers}
    return render(request, "companies/help_received.html", context)


@login_required
def attestation_file(request, slug: str, company: str, year: int, ext: str):
    if ext not in FILE_TYPES:
        raise Http404
    organization = get_organization_for_member(request, slug)
    the_company = get_object_or_404(
        Company.objects.select_related("organization"), organization__slug=company
    )
    lines = hour_lines(year=year, company=the_company, association_id=organization.pk)
    if not lines:
        raise Http404
    paper = Paper(
        company=the_company.organization, association=organization, year=year, lines=lines
    )
    return _file(paper, kind="attestation", ext=ext, request=request)


# --- the company's dashboard -----------------------------------------------------------------
@login_required
def dashboard(request, slug: str):
    company = selectors.get_company_for_manager(request, slug)
    year = _year(request)
    board = dashboard_of(company, year)
    context = {
        "company": company,
        "year": year,
        "years": _years(year),
        "board": board,
        "by_month": bar_chart(board.by_month),
        "by_cause": bar_chart(board.by_cause),
        "by_territory": bar_chart(board.by_territory),
    }
    return render(request, "companies/dashboard.html", context)
