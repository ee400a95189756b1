"""A logged-in person sees the site in the language saved on their account, and accepts the
terms again when they change."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class TermsConsentMiddleware:
    """A person who accepted an older version of the terms accepts the new one before going
    on: every page but the legal ones, the way out and her data leads to the terms page."""

    OPEN = ("/legal/", "/account/terms/", "/account/logout/", "/account/export/")
    OPEN += ("/account/archive/",)
    OPEN += ("/account/delete/", "/language/", "/static/", "/media/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from . import services  # the services import the models: not at start-up

        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.OPEN)
            and services.terms_to_accept(user)
        ):
            target = reverse("accounts:terms") + "?" + urlencode({"next": request.get_full_path()})
            if request.headers.get("HX-Request"):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = target
                return response
            return redirect(target)
        return self.get_response(request)
