from django.urls import path

from . import dashboard_views, packs_views, views

app_name = "territories"

urlpatterns = [
    path("helping/", views.helping, name="helping"),
    path("consents/<id:pk>/revoke/", views.consent_revoke, name="consent_revoke"),
    path("associations/<slug:slug>/help/", views.help, name="help"),
    path("associations/<slug:slug>/done-for-you/", views.done_for, name="done_for"),
    path("packs/<id:pk>/", packs_views.pack_page, name="pack"),
    path("packs/<id:pk>/claim/", packs_views.pack_claim, name="pack_claim"),
    path("<slug:slug>/", views.territory, name="territory"),
    path("<slug:slug>/edit/", views.territory_edit, name="edit"),
    path("<slug:slug>/moderators/", views.moderators, name="moderators"),
    path("<slug:slug>/moderators/<id:pk>/end/", views.moderator_end, name="moderator_end"),
    path("<slug:slug>/mediators/", views.mediators, name="mediators"),
    path("<slug:slug>/mediators/<id:pk>/end/", views.mediator_end, name="mediator_end"),
    path("<slug:slug>/packs/", packs_views.pack_list, name="packs"),
    path("<slug:slug>/packs/new/", packs_views.pack_new, name="pack_new"),
    path("<slug:slug>/packs/<id:pk>/", packs_views.pack_follow, name="pack_follow"),
    path("<slug:slug>/packs/<id:pk>/edit/", packs_views.pack_edit, name="pack_edit"),
    path("<slug:slug>/packs/<id:pk>/publish/", packs_views.pack_publish, name="pack_publish"),
    path("<slug:slug>/packs/<id:pk>/close/", packs_views.pack_close, name="pack_close"),
    # The territory's dashboard, its tables as CSV and its PDF report.
    path("<slug:slug>/dashboard/", dashboard_views.dashboard, name="dashboard"),
    path(
        "<slug:slug>/dashboard/period/", dashboard_views.dashboard_period, name="dashboard_period"
    ),
    path("<slug:slug>/dashboard/report.pdf", dashboard_views.dashboard_pdf, name="dashboard_pdf"),
    path(
        "<slug:slug>/dashboard/<slug:key>.csv", dashboard_views.dashboard_csv, name="dashboard_csv"
    ),
]
