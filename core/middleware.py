"""Middleware of the whole site."""

from django.utils.cache import patch_vary_headers


class VaryOnHtmxMiddleware:
    """Every page may answer htmx with a fragment of itself, at its own address: say so
    (`Vary: HX-Request`), or the browser's cache hands the fragment back as the page — on
    Back after a search, for one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_vary_headers(response, ("HX-Request",))
        return response
