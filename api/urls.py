from django.urls import path

from . import views
from .main import api

urlpatterns = [
    path("v1/docs/", views.docs, name="api-docs"),
    path("v1/", api.urls),
]

# The tokens, on the account page (/account/tokens/).
token_urlpatterns = (
    [
        path("", views.token_create, name="create"),
        path("<id:pk>/revoke/", views.token_revoke, name="revoke"),
    ],
    "api_tokens",
)
