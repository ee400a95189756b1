"""Conversation pages: the inbox, a thread, its attachments, and the ways into a thread."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_htmx.http import reswap, retarget

from core.ratelimit import allow
from core.roles import roles_of
from core.uploads import IMAGE_TYPES
from engagements.models import Application
from missions.models import Mission
from organizations.selectors import is_member

from . import selectors, services
from .forms import MessageForm

# Enough for a lively conversation, too few for a flood.
MESSAGES_PER_WINDOW, WINDOW_SECONDS = 30, 600


@login_required
@require_GET
def inbox(request):
    page = Paginator(selectors.threads_for_user(request.user), 20).get_page(request.GET.get("page"))
    roles = roles_of(request.user)
    context = {"page": page, "is_association": roles.organization, "is_volunteer": roles.volunteer}
    return render(request, "messaging/inbox.html", context)


def _send(request, thread) -> tuple[MessageForm, object]:
    """Check the posted form and send it; the form (with its errors) and the message or None."""
    form = MessageForm(request.POST, request.FILES)
    if not form.is_valid():
        return form, None
    if not allow("message", str(request.user.pk), limit=MESSAGES_PER_WINDOW, window=WINDOW_SECONDS):
        form.add_error(
            None,
            _(
                "Vous avez envoyé beaucoup de messages en peu de temps. "
                "Patientez quelques minutes, puis réessayez : votre texte est conservé."
            ),
        )
        return form, None
    try:
        message = services.message_send(
            thread=thread,
            author=request.user,
            body=form.cleaned_data["body"],
            files=form.cleaned_data["files"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return form, None
    return form, message


@login_required
def thread(request, pk: int):
    thread = selectors.get_thread_for_participant(request, pk)
    can_write = selectors.can_write(request.user, thread)
    form = MessageForm()
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied
        form, message = _send(request, thread)
        if message is not None and request.htmx:
            # The new message goes below the others; a fresh form replaces the used one.
            context = {
                "thread": thread,
                "message": message,
                "form": MessageForm(),
                "can_write": True,
            }
            return render(request, "messaging/thread.html#posted", context)
        if message is not None:
            return redirect(f"{services.thread_url(thread)}#message-{message.pk}")
        if request.htmx:
            context = {"thread": thread, "form": form, "can_write": True}
            response = render(request, "messaging/thread.html#compose", context)
            return reswap(retarget(response, "#message-form"), "outerHTML")
    else:
        services.thread_mark_read(thread=thread, user=request.user)
    return render(
        request,
        "messaging/thread.html",
        {
            "thread": thread,
            "thread_messages": selectors.thread_messages(thread),
            "participants": selectors.participants(thread),
            "viewer_is_member": selectors.is_member_of_thread_association(request.user, thread),
            "form": form,
            "can_write": can_write,
        },
    )


@login_required
@require_GET
def attachment(request, pk: int):
    attachment = selectors.get_attachment_for_participant(request, pk)
    try:
        file = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    # Images open in the browser; anything else is downloaded, never rendered by our site.
    response = FileResponse(
        file,
        as_attachment=attachment.content_type not in IMAGE_TYPES,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def for_application(request, application_pk: int):
    application = get_object_or_404(
        Application.objects.select_related("mission__organization"), pk=application_pk
    )
    if application.volunteer_id != request.user.pk and not is_member(
        request.user, application.mission.organization
    ):
        raise PermissionDenied
    return redirect(services.thread_url(services.thread_for_application(application)))


@login_required
@require_GET
def for_mission(request, mission_pk: int):
    mission = get_object_or_404(Mission.objects.select_related("organization"), pk=mission_pk)
    accepted = Application.objects.filter(
        mission=mission, volunteer=request.user, status=Application.Status.ACCEPTED
    ).exists()
    if not accepted and not is_member(request.user, mission.organization):
        raise PermissionDenied
    return redirect(services.thread_url(services.thread_for_mission(mission)))
