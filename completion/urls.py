from django.urls import path

from . import views

app_name = "completion"

urlpatterns = [
    path("applications/<int:pk>/delivery/", views.deliver, name="deliver"),
    path(
        "applications/<int:pk>/delivery/<int:deliverable_pk>/remove/",
        views.remove_deliverable,
        name="remove_deliverable",
    ),
    path("applications/<int:pk>/completion/", views.detail, name="detail"),
    path("applications/<int:pk>/completion/confirm/", views.confirm, name="confirm"),
    path("applications/<int:pk>/completion/changes/", views.ask_changes, name="changes"),
    path("applications/<int:pk>/review/", views.review, name="review"),
    path("deliverables/<int:pk>/", views.deliverable_file, name="file"),
    path("deliverables/<int:pk>/preview/", views.deliverable_preview, name="preview"),
]
