"""Staff edit the questionnaire here, in both languages: axes and their "next level"
missions, questions and their answers, and which missions a weak answer proposes.
Diagnoses are the associations' own: staff may look, not change them."""

from django.contrib import admin

from .models import Answer, Axis, Choice, Diagnosis, NextLevel, Question, Suggestion


class NextLevelInline(admin.TabularInline):
    model = NextLevel
    extra = 0
    autocomplete_fields = ["template"]
    fields = ["template", "order", "ease", "why_fr", "why_en"]


@admin.register(Axis)
class AxisAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "short_name_fr", "order"]
    list_editable = ["order"]
    search_fields = ["slug", "name_fr", "name_en"]
    fieldsets = [
        (None, {"fields": ["slug", "order"]}),
        (
            "Français",
            {"fields": ["name_fr", "short_name_fr", "intro_fr", "low_fr", "mid_fr", "high_fr"]},
        ),
        (
            "English",
            {"fields": ["name_en", "short_name_en", "intro_en", "low_en", "mid_en", "high_en"]},
        ),
    ]
    inlines = [NextLevelInline]


class ChoiceInline(admin.StackedInline):
    model = Choice
    extra = 0
    fields = [
        ("value", "order", "score"),
        ("label_fr", "label_en"),
        ("finding_fr", "finding_en"),
    ]
    show_change_link = True  # a choice's proposed missions are edited on its own page


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text_fr", "axis", "order", "weight", "is_active"]
    list_editable = ["order", "weight", "is_active"]
    list_filter = ["axis", "is_active"]
    list_select_related = ["axis"]
    search_fields = ["slug", "text_fr", "text_en"]
    fieldsets = [
        (None, {"fields": ["axis", "slug", "order", "weight", "is_active"]}),
        ("Français", {"fields": ["text_fr", "help_fr"]}),
        ("English", {"fields": ["text_en", "help_en"]}),
    ]
    inlines = [ChoiceInline]


class SuggestionInline(admin.TabularInline):
    model = Suggestion
    extra = 0
    autocomplete_fields = ["template"]


@admin.register(Choice)
class ChoiceAdmin(admin.ModelAdmin):
    list_display = ["label_fr", "question", "score"]
    list_filter = ["question__axis"]
    list_select_related = ["question"]
    search_fields = ["label_fr", "label_en", "question__text_fr"]
    fields = [
        "question",
        ("value", "order", "score"),
        ("label_fr", "label_en"),
        ("finding_fr", "finding_en"),
    ]
    raw_id_fields = ["question"]
    inlines = [SuggestionInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    fields = ["question", "choice"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Diagnosis)
class DiagnosisAdmin(admin.ModelAdmin):
    list_display = ["organization", "started_at", "completed_at", "overall"]
    list_select_related = ["organization"]
    search_fields = ["organization__name"]
    date_hierarchy = "started_at"
    readonly_fields = [
        "organization",
        "started_by",
        "started_at",
        "updated_at",
        "completed_at",
        "scores",
        "overall",
    ]
    inlines = [AnswerInline]

    def has_add_permission(self, request) -> bool:
        return False
