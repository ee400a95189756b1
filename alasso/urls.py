from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from api.sitemaps import SITEMAPS, robots
from api.urls import calendar_urlpatterns as calendar_urls
from api.urls import feed_urlpatterns as feed_urls
from api.urls import opendata_urlpatterns as opendata_urls
from api.urls import token_urlpatterns as token_urls
from api.urls import widget_urlpatterns as widget_urls

urlpatterns = [
    path("", include("home.urls")),
    path("account/", include("accounts.urls")),
    path("geo/", include("geo.urls")),
    path("organizations/", include("organizations.urls")),
    path("", include("volunteers.urls")),
    path("missions/", include("missions.urls")),
    path("", include("engagements.urls")),
    path("messages/", include("messaging.urls")),
    path("notifications/", include("notifications.urls")),
    path("moderation/", include("moderation.urls")),
    path("staff/audit/", include("audit.urls")),
    path("", include("matching.urls")),
    path("", include("completion.urls")),
    path("", include("credentials.urls")),
    path("book/", include("portfolio.urls")),
    path("diagnosis/", include("diagnosis.urls")),
    path("schools/", include("schools.urls")),
    path("teaching/", include("teaching.urls")),
    path("challenges/", include("challenges.urls")),
    path("territories/", include("territories.urls")),
    path("impact/", include("impact.urls")),
    path("companies/", include("companies.urls")),
    path("coup-de-main/", include("quickhelp.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("account/tokens/", include(token_urls)),
    path("feeds/", include(feed_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots, name="robots"),
    path("donnees-ouvertes/", include(opendata_urls)),
    path("", include(calendar_urls)),
    path("", include(widget_urls)),
]

if settings.DEBUG:
    # In production uploaded files are served by the web server in front (see README).
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"
