from django.urls import path

from . import views

app_name = "completion"

urlpatterns = [
    path("applications/<id:pk>/delivery/", views.deliver, name="deliver"),
    path(
        "applications/<id:pk>/delivery/<id:deliverable_pk>/remove/",
        views.remove_deliverable,
        name="remove_deliverable",
    ),
    path("applications/<id:pk>/completion/", views.detail, name="detail"),
    path("applications/<id:pk>/completion/confirm/", views.confirm, name="confirm"),
    path("applications/<id:pk>/completion/changes/", views.ask_changes, name="changes"),
    path("applications/<id:pk>/review/", views.review, name="review"),
    path("deliverables/<id:pk>/", views.deliverable_file, name="file"),
    path("deliverables/<id:pk>/preview/", views.deliverable_preview, name="preview"),
]
