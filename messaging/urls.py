from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<id:pk>/", views.thread, name="thread"),
    path("attachments/<id:pk>/", views.attachment, name="attachment"),
    path("application/<id:application_pk>/", views.for_application, name="for_application"),
    path("mission/<id:mission_pk>/", views.for_mission, name="for_mission"),
]
