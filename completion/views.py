"""Handing the work over, confirming the end, reviewing each other: thin views over services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.uploads import IMAGE_TYPES
from engagements.models import Application
from missions.models import MissionSkill
from taxonomy.models import Skill
from volunteers.models import VolunteerSkill

from . import selectors, services
from .files import preview_content_type
from .forms import (
    AssociationReviewForm,
    ChangesForm,
    ConfirmForm,
    DeliveryForm,
    VolunteerReviewForm,
)
from .lifecycle import DELIVERY, REVIEW, not_written, nothing_delivered
from .models import Deliverable, Review
from .signals import engagement_page


def _error_text(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


# --- the volunteer hands the work over -------------------------------------------------------
@login_required
def deliver(request, pk: int):
    application, viewer = selectors.get_engagement_for_viewer(request, pk)
    if not viewer.is_volunteer:
        raise PermissionDenied
    completion = selectors.completion_of(application)
    refusal = services.delivery_refusal(application, completion)
    existing = list(completion.deliverables.all()) if completion else []
    agreement = getattr(application, "agreement", None)
    initial = {
        "hours": (completion and completion.proposed_hours) or (agreement and agreement.hours),
    }
    form = DeliveryForm(
        request.POST or None, request.FILES or None, existing=len(existing), initial=initial
    )
    if request.method == "POST" and not refusal and form.is_valid():
        data = form.cleaned_data
        try:
            services.work_deliver(
                application=application,
                by=request.user,
                hours=data["hours"],
                files=data["files"],
                links=data["links"],
                note=data["note"],
            )
        except services.CompletionError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            for message in _error_text(error):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _(
                    "Merci ! Votre travail est remis à l’association. Elle va le regarder, "
                    "puis confirmer la fin de la mission ou vous demander des retouches."
                ),
            )
            return redirect("completion:detail", application.pk)
    context = {
        "application": application,
        "mission": application.mission,
        "completion": completion,
        "existing": existing,
        "form": form,
        "refusal": refusal,
    }
    return render(request, "completion/deliver.html", context)


@require_POST
@login_required
def remove_deliverable(request, pk: int, deliverable_pk: int):
    application, viewer = selectors.get_engagement_for_viewer(request, pk)
    if not viewer.is_volunteer:
        raise PermissionDenied
    deliverable = get_object_or_404(
        Deliverable, pk=deliverable_pk, completion__application=application
    )
    try:
        services.deliverable_remove(deliverable=deliverable, by=request.user)
    except services.CompletionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("« %(name)s » est retiré.") % {"name": deliverable.name})
    return redirect("completion:deliver", application.pk)


# --- the page of the end, for both sides -----------------------------------------------------
def _credential(application):
    """The attestation and verification links, once the credentials app has issued one."""
    credential = getattr(application, "credential", None)
    if credential is None or getattr(credential, "revoked_at", None):
        return None
    return credential


def _sections(application, viewer) -> list[dict]:
    """What the apps above add to the volunteer's page (`signals.engagement_page`)."""
    return [
        section
        for _receiver, answer in engagement_page.send(
            sender=Application, application=application, viewer=viewer
        )
        for section in answer or []
    ]


def _detail_context(request, application, viewer, **forms) -> dict:
    completion = selectors.completion_of(application)
    reviews = selectors.reviews_of(application)
    mine = (
        Review.Direction.VOLUNTEER
        if viewer.is_volunteer
        else Review.Direction.ASSOCIATION
        if viewer.is_member
        else None
    )

    def visible(direction: str):
        review = reviews.get(direction)
        if review is None:
            return None
        return review if review.is_published or direction == mine else None

    can = DELIVERY.can(completion or nothing_delivered(application), request.user, viewer=viewer)
    review_can = (
        REVIEW.can(
            reviews.get(mine) or not_written(application, mine),
            request.user,
            viewer=viewer,
            completion=completion,
        )
        if mine
        else None
    )
    context = {
        "application": application,
        "mission": application.mission,
        "viewer": viewer,
        "completion": completion,
        "deliverables": list(completion.deliverables.all()) if completion else [],
        "can": can,
        "review_can": review_can,
        "my_review": reviews.get(mine) if mine else None,
        "about_volunteer": visible(Review.Direction.ASSOCIATION),
        "about_association": visible(Review.Direction.VOLUNTEER),
        "other_written": bool(mine and any(d != mine for d in reviews)),
        "review_delay_days": services.REVIEW_DELAY.days,
        "credential": _credential(application) if completion and completion.is_completed else None,
        "sections": _sections(application, viewer)
        if completion and completion.is_completed and viewer.is_volunteer
        else [],
    }
    if can.request_changes:
        context["confirm_form"] = forms.get("confirm_form") or ConfirmForm(
            initial={"hours": completion.proposed_hours}
        )
        context["changes_form"] = forms.get("changes_form") or ChangesForm()
    return context


@login_required
def detail(request, pk: int):
    application, viewer = selectors.get_engagement_for_viewer(request, pk)
    context = _detail_context(request, application, viewer)
    if context["completion"] is None and context["can"].deliver:
        return redirect("completion:deliver", application.pk)
    return render(request, "completion/detail.html", context)


def _answer_delivery(request, pk: int, form_class, form_name: str, act, **context) -> HttpResponse:
    """The association answers the delivered work with `form_class`, then `act`.

    `act(application, cleaned_data)` calls the service and returns where to go; a refusal
    (CompletionError) is shown on the completion page; an invalid form shows that page again
    with its errors, under `form_name`, and `context`.
    """
    application, viewer = selectors.get_engagement_for_viewer(request, pk)
    if not viewer.is_member:
        raise PermissionDenied
    form = form_class(request.POST)
    if form.is_valid():
        try:
            return act(application, form.cleaned_data)
        except services.CompletionError as error:
            messages.error(request, str(error))
            return redirect("completion:detail", application.pk)
    context = {**_detail_context(request, application, viewer, **{form_name: form}), **context}
    return render(request, "completion/detail.html", context)


@require_POST
@login_required
def confirm(request, pk: int):
    def act(application, data):
        services.completion_confirm(application=application, by=request.user, hours=data["hours"])
        messages.success(
            request,
            _(
                "Merci ! La fin de la mission est confirmée pour %(name)s. Il vous reste "
                "à écrire sa recommandation : deux minutes, et c’est sa plus belle référence."
            )
            % {"name": application.volunteer.first_name},
        )
        return redirect("completion:review", application.pk)

    return _answer_delivery(request, pk, ConfirmForm, "confirm_form", act)


@require_POST
@login_required
def ask_changes(request, pk: int):
    def act(application, data):
        services.changes_request(application=application, by=request.user, reason=data["reason"])
        messages.success(
            request,
            _("Votre demande est envoyée à %(name)s.") % {"name": application.volunteer.first_name},
        )
        return redirect("completion:detail", application.pk)

    # The request for changes sits in a fold: open, it shows its errors.
    return _answer_delivery(request, pk, ChangesForm, "changes_form", act, changes_open=True)


# --- reviews ---------------------------------------------------------------------------------
def _skills_to_endorse(application):
    """The mission's skills and those the volunteer declares: what may have been used."""
    required = MissionSkill.objects.filter(mission_id=application.mission_id).values("skill")
    declared = VolunteerSkill.objects.filter(profile__user_id=application.volunteer_id).values(
        "skill"
    )
    return Skill.objects.filter(Q(pk__in=required) | Q(pk__in=declared)).order_by(
        "domain__order", "order", "slug"
    )


@login_required
def review(request, pk: int):
    application, _viewer = selectors.get_engagement_for_viewer(request, pk)
    direction = services.direction_for(request.user, application)
    if direction is None:
        raise PermissionDenied
    completion = selectors.completion_of(application)
    existing = Review.objects.filter(application=application, direction=direction).first()
    refusal = REVIEW.refusal(
        existing or not_written(application, direction),
        "write",
        request.user,
        completion=completion,
    )
    if refusal:
        if existing is not None and existing.is_published:
            refusal = _("Votre avis est publié : le voici avec celui de l’autre côté.")
        messages.info(request, refusal)
        return redirect("completion:detail", application.pk)
    as_association = direction == Review.Direction.ASSOCIATION
    data = request.POST if request.method == "POST" else None
    if as_association:
        initial = {}
        if existing is not None:
            initial = {
                name: getattr(existing, name)
                for name in (*services.ASSOCIATION_FIELDS, *services.ANSWERS)
            }
            initial["skills"] = list(existing.endorsed_skills.all())
        form = AssociationReviewForm(
            data,
            initial=initial,
            skills=_skills_to_endorse(application),
            volunteer_name=application.volunteer.first_name,
        )
    else:
        initial = {}
        if existing is not None:
            initial = {name: getattr(existing, name) for name in services.VOLUNTEER_FIELDS}
            initial["comment"] = existing.comment
        form = VolunteerReviewForm(data, initial=initial)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        fields = services.ASSOCIATION_FIELDS if as_association else services.VOLUNTEER_FIELDS
        try:
            written = services.review_write(
                application=application,
                by=request.user,
                ratings={name: cleaned[name] for name in fields},
                answers={name: cleaned[name] for name in services.ANSWERS}
                if as_association
                else None,
                comment=cleaned.get("comment", ""),
                skills=cleaned.get("skills") or [],
            )
        except services.CompletionError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            for message in _error_text(error):
                form.add_error(None, message)
        else:
            if written.is_published:
                messages.success(
                    request, _("Merci ! Les deux avis sont écrits : ils sont maintenant visibles.")
                )
            else:
                messages.success(
                    request,
                    _(
                        "Merci ! Votre avis est enregistré. Il sera visible quand l’autre côté "
                        "aura écrit le sien, ou dans %(days)s jours au plus tard."
                    )
                    % {"days": services.REVIEW_DELAY.days},
                )
            return redirect("completion:detail", application.pk)
    context = {
        "application": application,
        "mission": application.mission,
        "form": form,
        "as_association": as_association,
        "existing": existing,
    }
    return render(request, "completion/review.html", context)


# --- files -----------------------------------------------------------------------------------
def _file_response(file, *, name: str, content_type: str, inline: bool) -> FileResponse:
    response = FileResponse(
        file, as_attachment=not inline, filename=name, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def deliverable_file(request, pk: int):
    deliverable = selectors.get_deliverable_for_viewer(request, pk)
    if not deliverable.file:
        raise Http404
    try:
        file = deliverable.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    # Images open in the browser; anything else is downloaded, never rendered by our site.
    return _file_response(
        file,
        name=deliverable.name,
        content_type=deliverable.content_type,
        inline=deliverable.content_type in IMAGE_TYPES,
    )


@login_required
@require_GET
def deliverable_preview(request, pk: int):
    deliverable = selectors.get_deliverable_for_viewer(request, pk)
    if not deliverable.preview:
        raise Http404
    try:
        file = deliverable.preview.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return _file_response(
        file, name=deliverable.name, content_type=preview_content_type(deliverable), inline=True
    )
