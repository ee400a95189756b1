from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Credential, SigningKey, StatusList


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin):
    list_display = ["public_id", "application", "issued_at", "revoked_at", "erased_at"]
    list_filter = ["revoked_at", "erased_at"]
    search_fields = [
        "public_id",
        "application__volunteer__full_name",
        "application__mission__title",
    ]
    list_select_related = ["application__volunteer", "application__mission"]
    readonly_fields = [
        "application",
        "public_id",
        "status_list",
        "status_index",
        "document",
        "issued_at",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "company_name",
        "erased_at",
        "pages",
    ]

    @admin.display(description=_("Pages"))
    def pages(self, obj):
        # Revocation asks for a public reason: it happens on its own page, not here.
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("credentials:verify", args=[obj.public_id]),
            _("page publique"),
            reverse("credentials:revoke", args=[obj.public_id]),
            _("révoquer"),
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SigningKey)
class SigningKeyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "public_key_multibase", "created_at", "retired_at", "withdrawn_at"]
    readonly_fields = ["number", "public_key_multibase", "created_at", "retired_at"]
    fields = ["number", "public_key_multibase", "created_at", "retired_at", "withdrawn_at"]

    def has_add_permission(self, request):
        return False  # keys come from `manage.py credentials_keygen`

    def has_delete_permission(self, request, obj=None):
        return False  # a key once published stays published


@admin.register(StatusList)
class StatusListAdmin(admin.ModelAdmin):
    list_display = ["__str__", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
