"""The impact pages: how the value is computed (anyone), the hourly rates (staff), and the
one question of the adoption follow-up (the association's admins)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ActionRefused

from . import selectors, services
from .forms import AnswerForm, RateForm
from .lifecycle import ADOPTION
from .models import HourlyRate


def how(request):
    """« Comment calculons-nous la valeur du travail ? »: the rule and every rate, public."""
    return render(request, "impact/how.html", {"rates": selectors.rates_shown()})


def _require_staff(request) -> None:
    if not request.user.is_staff:
        raise PermissionDenied


def _forms(bound: RateForm | None = None) -> list[tuple[HourlyRate, RateForm]]:
    """A form per domain; `bound`, sent with a mistake, stands in for its own."""
    return [
        (
            rate,
            bound
            if bound is not None and bound.instance.pk == rate.pk
            else RateForm(instance=rate, prefix=f"rate-{rate.pk}"),
        )
        for rate in selectors.rates_shown()
    ]


@login_required
def rates(request):
    _require_staff(request)
    return render(request, "impact/rates.html", {"forms": _forms()})


@login_required
@require_POST
def rate_edit(request, pk: int):
    _require_staff(request)
    rate = get_object_or_404(HourlyRate.objects.select_related("domain"), pk=pk)
    # A copy: a mistake must not change the row the page shows beside the form.
    form = RateForm(request.POST, instance=HourlyRate(pk=rate.pk), prefix=f"rate-{rate.pk}")
    if not form.is_valid():
        return render(request, "impact/rates.html", {"forms": _forms(form)}, status=400)
    services.rate_update(
        rate=rate,
        by=request.user,
        value=form.cleaned_data["rate"],
        source=form.cleaned_data["source"],
    )
    messages.success(
        request, _("Le prix « %(domain)s » est enregistré.") % {"domain": rate.domain.name}
    )
    return redirect("impact:rates")


@login_required
def answer(request, pk: int):
    check = selectors.get_check_for_admin(request, pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.adoption_answer(
                check=check, by=request.user, answer=form.cleaned_data["answer"]
            )
        except ActionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("impact:answer", pk=check.pk)
        messages.success(request, _("Merci ! Votre réponse est enregistrée."))
        return redirect("core:home")
    context = {
        "check": check,
        "mission": check.mission,
        "form": form,
        "can": ADOPTION.can(check, request.user, is_admin=True),
    }
    return render(request, "impact/answer.html", context, status=400 if form.errors else 200)
