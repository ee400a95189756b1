from django.contrib import admin

from .models import AdoptionCheck, HourlyRate


@admin.register(HourlyRate)
class HourlyRateAdmin(admin.ModelAdmin):
    list_display = ["domain", "rate", "updated_at"]
    readonly_fields = ["updated_at", "updated_by"]

    def save_model(self, request, obj, form, change):
        # The admin writes through the service when it can, so the journal keeps a trace.
        if change and obj.pk:
            from .services import rate_update

            rate_update(rate=obj, by=request.user, value=obj.rate, source=obj.source)
        else:
            obj.updated_by = request.user
            super().save_model(request, obj, form, change)


@admin.register(AdoptionCheck)
class AdoptionCheckAdmin(admin.ModelAdmin):
    list_display = ["mission", "day", "status", "due_at", "answer", "answered_at"]
    list_filter = ["status", "day", "answer"]
    raw_id_fields = ["mission", "answered_by"]
    readonly_fields = [f.name for f in AdoptionCheck._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
