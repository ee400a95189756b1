from django.urls import path

from . import views

app_name = "portfolio"

# Included at "book/": the settings page comes first, "settings" is a reserved address.
urlpatterns = [
    path("settings/", views.settings_view, name="settings"),
    path("answers/<id:team_pk>/", views.answer, name="answer"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/images/<id:pk>/", views.image, name="image"),
    path(
        "<slug:slug>/answers/<id:team_pk>/files/<id:pk>/",
        views.answer_file,
        name="answer_file",
    ),
]
