from django.urls import path

from . import views

app_name = "territories"

urlpatterns = [
    path("helping/", views.helping, name="helping"),
    path("consents/<id:pk>/revoke/", views.consent_revoke, name="consent_revoke"),
    path("associations/<slug:slug>/help/", views.help, name="help"),
    path("associations/<slug:slug>/done-for-you/", views.done_for, name="done_for"),
    path("<slug:slug>/", views.territory, name="territory"),
    path("<slug:slug>/edit/", views.territory_edit, name="edit"),
    path("<slug:slug>/moderators/", views.moderators, name="moderators"),
    path("<slug:slug>/moderators/<id:pk>/end/", views.moderator_end, name="moderator_end"),
    path("<slug:slug>/mediators/", views.mediators, name="mediators"),
    path("<slug:slug>/mediators/<id:pk>/end/", views.mediator_end, name="mediator_end"),
]
