"""sitemap.xml and robots.txt: the public pages for search engines, the private ones left out."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.views.decorators.cache import cache_page

from missions import lifecycle
from missions.models import Mission
from organizations.models import Organization


class StaticPages(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["/", "/missions/", "/api/v1/docs/"]

    def location(self, item):
        return item


class Missions(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            Mission.objects.filter(status__in=lifecycle.PUBLIC)
            .order_by("-pk")
            .only("pk", "updated_at")
        )

    def location(self, item):
        return f"/missions/{item.pk}/"

    def lastmod(self, item):
        return item.updated_at


class Associations(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return (
            Organization.objects.filter(kind=Organization.Kind.ASSOCIATION)
            .exclude(verification=Organization.Verification.REJECTED)
            .order_by("pk")
            .only("slug", "updated_at")
        )

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": StaticPages, "missions": Missions, "associations": Associations}

# Pages behind a login, or about one person: never to be indexed.
PRIVATE = [
    "/account/",
    "/admin/",
    "/applications/",
    "/messages/",
    "/notifications/",
    "/moderation/",
    "/staff/",
    "/profile/",
    "/dev/",
    "/calendar/",
]


@cache_page(3600)
def robots(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE)]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
