from django.contrib import admin

from .models import Cause, Skill, SkillDomain


class SkillInline(admin.TabularInline):
    model = Skill
    extra = 0


@admin.register(SkillDomain)
class SkillDomainAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "order"]
    list_editable = ["order"]
    inlines = [SkillInline]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "domain", "order"]
    list_filter = ["domain"]
    search_fields = ["name_fr", "name_en"]


@admin.register(Cause)
class CauseAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "order"]
    list_editable = ["order"]
