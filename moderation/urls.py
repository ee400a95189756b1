from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("organizations/<slug:slug>/", views.organization, name="organization"),
    path("missions/<id:pk>/", views.mission, name="mission"),
    path("report/", views.report_create, name="report"),
    path("reports/<id:pk>/", views.report_detail, name="report_detail"),
]
