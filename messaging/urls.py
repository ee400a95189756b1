from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.thread, name="thread"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("application/<int:application_pk>/", views.for_application, name="for_application"),
    path("mission/<int:mission_pk>/", views.for_mission, name="for_mission"),
]
