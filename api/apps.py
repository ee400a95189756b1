from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("API")

    def ready(self):
        from django.core.signals import request_started

        from audit.services import register_annotator

        from . import auth

        register_annotator(auth.annotate)
        request_started.connect(auth.forget_token, dispatch_uid="api.forget_token")
