from django.contrib import admin

from .models import Commune, Departement, Region


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["name", "insee", "postal_codes", "departement", "population"]
    search_fields = ["name", "insee", "postal_codes"]
    list_select_related = ["departement"]
    readonly_fields = ["search_name"]


admin.site.register(Region)
admin.site.register(Departement)
