"""The site's pages, and the bare view the pages are compared with."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    # Django's floor: the same middleware as every page, no query, no template.
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("", include("alasso.urls")),
]

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"
