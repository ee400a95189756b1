from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .emails import email_retry
from .models import OutgoingEmail


class NeedsAttention(admin.SimpleListFilter):
    title = _("à surveiller")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [
            ("failed", _("en échec")),
            ("retrying", _("refusés une fois, à réessayer")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "failed":
            return queryset.filter(status=OutgoingEmail.Status.FAILED)
        if self.value() == "retrying":
            return queryset.filter(
                status__in=[OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.SENDING],
                attempts__gt=0,
            )
        return queryset


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """The e-mails the mail server refused, for every member of staff (not only those
    given the model's permissions): they may have to tell someone their e-mail never came."""

    list_display = [
        "to",
        "subject",
        "status",
        "attempts",
        "short_error",
        "created_at",
        "next_attempt_at",
    ]
    list_filter = [NeedsAttention, "status", "template"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    # The contents stay sealed: links to sign in must not show here.
    fields = [
        "to",
        "subject",
        "template",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "next_attempt_at",
        "finished_at",
        "key",
    ]
    readonly_fields = fields
    actions = ["retry"]

    @admin.display(description=_("dernière erreur"))
    def short_error(self, email: OutgoingEmail) -> str:
        return email.last_error[:120]

    @admin.action(description=_("Réessayer l’envoi des e-mails en échec choisis"))
    def retry(self, request, queryset):
        count = email_retry(email_ids=list(queryset.values_list("pk", flat=True)), by=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d e-mail sera renvoyé dans un instant.",
                "%(count)d e-mails seront renvoyés dans un instant.",
                count,
            )
            % {"count": count},
        )

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
