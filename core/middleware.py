"""Middleware of the whole site."""

from urllib.parse import parse_qsl, urlsplit

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


class OneHistoryEntryPerAddressMiddleware:
    """An htmx request for the address the browser already shows does not push it into the
    history a second time (`HX-Push-Url: false`): typing words then pressing « Afficher »
    sends a `change` and a `submit`, and Back must bring the search before, not the same one.

    Outside the page cache, since the answer depends on the address the browser shows; and
    the answer says so (`Vary: HX-Current-URL`): else the browser, revalidating its copy of
    the search (a 304 from the page cache), would take that header from an earlier answer
    and leave a later same search, made from another page, out of the history."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        shown = request.headers.get("HX-Current-URL")
        if request.method != "GET" or not shown or "HX-Push-Url" in response:
            return response
        patch_vary_headers(response, ("HX-Current-URL",))
        if _same_address(shown, request.path, request.META.get("QUERY_STRING", "")):
            response["HX-Push-Url"] = "false"
        return response


def _same_address(url: str, path: str, query: str) -> bool:
    shown = urlsplit(url)
    return shown.path == path and _fields(shown.query) == _fields(query)


def _fields(query: str) -> list[tuple[str, str]]:
    return sorted(parse_qsl(query, keep_blank_values=True))
