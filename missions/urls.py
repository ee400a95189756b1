from django.urls import path

from . import views

app_name = "missions"

urlpatterns = [
    path("", views.mission_list, name="list"),
    path("mine/", views.mine, name="mine"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/<int:step>/", views.wizard, name="wizard"),
    path("<int:pk>/transition/", views.transition, name="transition"),
]
