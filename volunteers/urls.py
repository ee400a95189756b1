from django.urls import path

from . import views

app_name = "volunteers"

urlpatterns = [
    path("profile/", views.edit, name="edit"),
    path("volunteers/<id:user_id>/", views.detail, name="detail"),
]
