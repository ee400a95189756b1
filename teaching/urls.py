from django.urls import path

from . import views

app_name = "teaching"

urlpatterns = [
    path("", views.cohorts, name="cohorts"),
    path("cohorts/<id:pk>/", views.dashboard, name="dashboard"),
    path("cohorts/<id:pk>/export.csv", views.export, name="export"),
    path(
        "cohorts/<id:pk>/engagements/<id:application_pk>/validation/",
        views.validate,
        name="validate",
    ),
]
