"""Under /api/: no session (a caller is who its token says), the language of Accept-Language."""

from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.translation.trans_real import (
    get_supported_language_variant,
    parse_accept_lang_header,
)

from .auth import token_scope

PREFIX = "/api/v1/"


def language_of(request) -> str:
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return "fr"


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        request.user = AnonymousUser()
        language = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        with token_scope():
            response = self.get_response(request)
        if response.status_code == 404 and response.get("Content-Type", "").startswith("text/html"):
            # An address no operation answers: a problem too, not the site's 404 page.
            from .problems import not_found

            response = not_found()
        response.headers.setdefault("Content-Language", language)
        return response
