"""Staff edit the template catalogue here; missions are shown read-mostly (their state
changes only through the lifecycle, never by editing a field)."""

from django.contrib import admin

from .models import Mission, MissionEvent, MissionSkill, MissionTemplate
from .signals import mission_changed


@admin.register(MissionTemplate)
class MissionTemplateAdmin(admin.ModelAdmin):
    list_display = [
        "title_fr",
        "domain",
        "effort_min",
        "effort_max",
        "work_mode",
        "order",
        "is_active",
    ]
    list_editable = ["order", "is_active"]
    list_filter = ["domain", "is_active", "work_mode"]
    search_fields = ["slug", "title_fr", "title_en"]
    filter_horizontal = ["skills"]
    fieldsets = [
        (None, {"fields": ["slug", "domain", "order", "is_active"]}),
        ("Français", {"fields": ["title_fr", "need_fr", "deliverables_fr", "outcome_fr"]}),
        ("English", {"fields": ["title_en", "need_en", "deliverables_en", "outcome_en"]}),
        (None, {"fields": ["effort_min", "effort_max", "work_mode", "skills"]}),
    ]


class MissionSkillInline(admin.TabularInline):
    model = MissionSkill
    extra = 0
    autocomplete_fields = ["skill"]


class MissionEventInline(admin.TabularInline):
    model = MissionEvent
    extra = 0
    can_delete = False
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "status", "work_mode", "published_at", "created_at"]
    list_filter = ["status", "work_mode", "licence"]
    search_fields = ["title", "organization__name"]
    list_select_related = ["organization"]
    date_hierarchy = "created_at"
    raw_id_fields = ["organization", "template", "commune", "created_by", "sponsor"]
    readonly_fields = [
        "status",
        "wizard_step",
        "departement_code",
        "region_code",
        "created_by",
        "created_at",
        "updated_at",
        "published_at",
        "last_activity_at",
    ]
    inlines = [MissionSkillInline, MissionEventInline]

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # A staff edit changes what the mission asks for, like the wizard does.
        mission_changed.send(sender=Mission, mission_id=form.instance.pk)
