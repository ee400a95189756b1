from django.urls import path

from . import feeds, opendata, views, widget
from .main import api

urlpatterns = [
    path("v1/docs/", views.docs, name="api-docs"),
    path("v1/", api.urls),
]

# Atom feeds of new missions (/feeds/…).
feed_urlpatterns = [
    path("missions.atom", feeds.NewMissions(), name="feed-missions"),
    path(
        "departements/<str:code>.atom",
        feeds.DepartementMissions(),
        name="feed-departement",
    ),
    path("domains/<slug:slug>.atom", feeds.DomainMissions(), name="feed-domain"),
    path("search.atom", feeds.SearchMissions(), name="feed-search"),
]

# The tokens, on the account page (/account/tokens/).
token_urlpatterns = (
    [
        path("", views.token_create, name="create"),
        path("<id:pk>/revoke/", views.token_revoke, name="revoke"),
    ],
    "api_tokens",
)

# Open data: the page and its daily files (/donnees-ouvertes/…).
opendata_urlpatterns = [
    path("", opendata.page, name="opendata"),
    path("missions.<str:extension>", opendata.download, name="opendata-file"),
]

# The secret calendar address: its settings on the account page, and the feed itself.
calendar_urlpatterns = [
    path("account/calendar/", views.calendar_create, name="calendar_create"),
    path("account/calendar/revoke/", views.calendar_revoke, name="calendar_revoke"),
    path("calendar/<str:secret>.ics", views.calendar_feed, name="calendar_feed"),
]

# The widget an association puts in an <iframe> on its own site.
widget_urlpatterns = [
    path("associations/<slug:slug>/widget/", widget.widget, name="widget"),
]
