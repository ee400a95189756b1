from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("missions/for-you/", views.missions_for_you, name="missions_for_you"),
    path(
        "missions/<id:pk>/volunteers/", views.volunteers_for_mission, name="volunteers_for_mission"
    ),
]
