from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Comptes")

    def ready(self) -> None:
        from core.navigation import NavItem, authenticated, register, staff

        register(NavItem(_("Mon compte"), "accounts:account", authenticated, order=90))
        register(NavItem(_("Administration"), "admin:index", staff, order=95))
