from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "reason",
        "target",
        "reporter",
        "created_at",
        "resolved_at",
        "resolved_by",
    ]
    list_filter = ["reason", ("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["details", "resolution", "reporter__email", "mission__title"]
    date_hierarchy = "created_at"
    list_select_related = ["reporter", "resolved_by", "mission", "organization", "profile_user"]
    raw_id_fields = ["reporter", "mission", "organization", "profile_user", "resolved_by"]
    # The record of a decision must not be rewritten afterwards.
    readonly_fields = ["created_at", "resolved_at", "resolved_by", "resolution"]

    @admin.display(description=_("cible"))
    def target(self, report: Report) -> str:
        return str(report.target or "—")
